namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Score() =>
    [
        ("present {0} – {1}", "在队 {0} – {1}"), ("Evaluation of {0}", "{0} 评估"), ("Not scored: nothing was expected of you in this period.", "不计分：本期对您没有考核要求。"),
        ("How the total adds up", "总分如何构成"), ("Deductions, line by line", "扣分明细"),
        ("They enter the total through the indicator “{0}” ({1}% of the process dimension): 100 − {2} × the points deducted.",
            "扣分通过指标“{0}”（占过程维度 {1}%）计入总分：100 − {2} × 扣分合计。"),
        ("No deduction in this period.", "本期没有扣分。"), ("event #{0}", "事件 #{0}"), ("Late stages and who caused them", "逾期阶段及责任归属"),
        ("The rules that apply to you", "适用于您的规则"), ("Actual", "实际"), ("Attainment", "达成率"),
        ("not set: not scored", "未设定：不计分"), ("Late days and send-backs, per stage", "各阶段的逾期与退回扣分"), ("Deadline", "期限"),
        ("Rep-caused / day", "销售原因/天"), ("Customer-caused / day", "客户原因/天"), ("Other / day", "其他原因/天"), ("At most", "最多"),
        ("Per send-back", "每次退回"), ("Win probability", "赢单概率"),
        ("A delay reason you record is a claim: it counts as rep-caused until your manager confirms or re-classifies it. A confirmed customer-caused wait, or a deal on hold, stops the stage's clock.",
            "您填写的延误原因是一项申报：在经理确认或改判之前按销售原因计。经理确认的客户原因等待，或商机暂停，会让该阶段停止计时。"),
        ("Points ledger", "得分流水"), ("Score {0}", "{0} 评分"), ("The evaluation total of the month so far: the same as on the rep's score page and report.", "本月至今的评估总分：与该销售的评分页和报告一致。"), ("Follow-ups expected per 30 days (reps without a follow-up target)", "每 30 天预期跟进次数（无个人跟进目标的销售）"),
        ("Attainment cap (% of target)", "达成率上限（目标的 %）"), ("Indicator points per deducted point", "每扣 1 分对应的指标分"),
        ("Every point recorded with the event that caused it. The ledger is not a score of its own: its deductions enter the evaluation above; stage points are shown for the record.",
            "每一笔得分和扣分及其对应事件。流水本身不是评分：其中的扣分计入上方的评估，阶段得分仅作记录。"),
    ];
}
