namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Manage() =>
    [
        ("Required when sending back", "退回时必填"), ("Send back to", "退回到"), ("This stage (resubmit)", "本阶段（重新提交）"),
        ("Approve", "通过"), ("Send back", "退回"), ("Sent back to the rep.", "已退回给销售。"), ("Approved.", "已通过。"),
        ("Approved {0} submission(s).", "已通过 {0} 项提交。"), ("{0} could not be approved (already decided or not yours).", "{0} 项无法通过（已被处理或不属于您）。"),
        ("Nothing waits for your approval.", "没有待您审批的提交。"), ("Select all", "全选"), ("Approve selected", "批量通过"), ("Late", "逾期"),
        ("Submitted {0}", "提交于 {0}"), ("Deliverable", "提交内容"),
        ("Open deals by stage", "各阶段进行中的商机"), ("Bars: open / waiting for approval.", "柱条：进行中 / 待审批。"), ("Overdue stages", "逾期阶段"),
        ("Stalled deals", "停滞商机"), ("No activity for (days)", "无活动天数"), ("Last activity", "最近活动"),
        ("No activity for {0} days and no follow-up scheduled from today on.", "{0} 天无任何活动，且今天及以后没有计划跟进。"),
        ("Points earned", "得分"), ("Deductions", "扣分"), ("Line by line", "逐项明细"), ("No points yet.", "暂无得分。"), ("Why", "原因"), ("Points", "分数"),
    ];
}
