namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Closing() =>
    [
        ("Closed · version {0} · closed on {1} by {2}", "已结账 · 第 {0} 版 · {1} 由 {2} 结账"),
        ("Provisional — may still change", "临时结果——仍可能变化"),
        ("the schedule", "系统定时任务"),
        ("This version was reopened on {0} by {1}: {2}", "此版本已于 {0} 由 {1} 重新开放：{2}"),
        ("Version {0} was reopened on {1} by {2}: {3}", "第 {0} 版已于 {1} 由 {2} 重新开放：{3}"),
        ("Reopen this period? Its figures become provisional until it is closed again as a new version.", "确定重新开放该期间？在作为新版本再次结账前，其数据为临时结果。"),
        ("Reason for reopening", "重新开放原因"), ("Reopen period", "重新开放期间"), ("Close period", "结账"),
        ("Close this period? Its evaluations are stored as version {0} and no longer change.", "确定结账该期间？其评估结果将保存为第 {0} 版，之后不再变化。"),
        ("This period can be closed from {0}.", "该期间自 {0} 起可结账。"),
        ("Closed versions ({0})", "已结账版本（{0}）"), ("Version {0}", "第 {0} 版"), ("closed on {0} by {1}", "{0} 由 {1} 结账"),
        ("reopened on {0} by {1}: {2}", "{0} 由 {1} 重新开放：{2}"), ("All closed periods", "全部已结账期间"), ("Closed periods", "已结账期间"),
        ("Closed as version {0}. The figures of this period no longer change.", "已结账为第 {0} 版，该期间的数据不再变化。"),
        ("This period is already closed (version {0}).", "该期间已结账（第 {0} 版）。"), ("This period is not over yet.", "该期间尚未结束。"),
        ("Only a calendar month, quarter or year can be closed.", "只有自然月、季度或年度可以结账。"),
        ("Version {0} reopened. Figures are provisional until the period is closed again.", "第 {0} 版已重新开放。再次结账前数据为临时结果。"),
        ("Give the reason for reopening (at least {0} characters).", "请填写重新开放的原因（至少 {0} 个字）。"), ("This period is not closed.", "该期间未结账。"),
        ("A closed period's evaluations are stored and never recomputed. Reopening one (with a reason) keeps its version readable; closing it again stores the next version.",
            "已结账期间的评估结果被保存，不再重新计算。重新开放（需填写原因）后原版本仍可查阅；再次结账将保存为下一版本。"),
        ("No period has been closed yet.", "尚无已结账期间。"), ("Version", "版本"), ("Closed", "结账"), ("Reopened", "重新开放"),
        ("month", "月度"), ("quarter", "季度"), ("year", "年度"),
    ];
}
