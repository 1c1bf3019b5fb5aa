namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Reports() =>
    [
        ("Evaluation reports", "评估报告"), ("Evaluation settings", "评估设置"), ("Enter ratings and comments", "录入评分与评语"),
        ("Report", "报告"), ("Team pack", "团队评估包"), ("Quarter", "季度"), ("Custom", "自定义"), ("From", "起始日期"), ("To (included)", "截止日期（含）"),
        ("Choose a month like 2026-03.", "请选择月份，如 2026-03。"), ("Choose a quarter like 2026-Q1.", "请选择季度，如 2026-Q1。"),
        ("Pick a rep or a team.", "请选择销售或团队。"), ("Download PDF", "下载 PDF"), ("Download team pack (PDF)", "下载团队评估包（PDF）"),
        ("Rank {0} of {1} · team average {2}", "团队排名 {0}/{1} · 团队平均 {2}"), ("Score by dimension", "各维度得分"),
        ("Each dimension is the weighted average of its scored indicators; the total is the weighted average of the dimensions.",
            "维度得分为其计分指标的加权平均；总分为各维度的加权平均。"),
        ("Late stages and deductions", "逾期阶段与扣分"), ("Days late", "逾期天数"), ("Attribution", "责任归属"), ("Deduction", "扣分"),
        ("not counted against the rep", "不计入销售责任"), ("No stage was approved late in this period.", "本期没有逾期通过的阶段。"),
        ("Deductions are the score ledger's lines for these stages, after any re-classification by the manager.", "扣分取自这些阶段的得分明细（已含经理对责任归属的改判）。"),
        ("Deals worked on", "本期跟进的商机"), ("Training suggestions", "培训建议"), ("No indicator fell below its threshold.", "没有指标低于阈值。"),
        ("Manager comments", "经理评语"), ("No comment for this period yet.", "本期暂无评语。"), ("Ranking", "排名"), ("{0} reps", "{0} 名销售"),
        ("This team has no reps.", "该团队没有销售。"), ("See the report", "查看报告"), ("You have no reps to rate.", "您没有可评分的销售。"),
        ("Ability rating", "能力评分"), ("1 = poor, 5 = excellent. The report scores the month's average × 20.", "1 = 差，5 = 优秀。报告按当月平均分 × 20 计分。"),
        ("Rating for", "评分项"), ("Customer feedback", "客户反馈"), ("Solution quality", "方案质量"), ("Score (1–5)", "分数（1–5）"),
        ("Deal (optional)", "商机（可选）"), ("Note (optional)", "备注（可选）"), ("Save rating", "保存评分"), ("Training participation", "培训参与"),
        ("Course", "课程"), ("Hours", "学时"), ("Save training", "保存培训记录"), ("Your evaluation comment for {0}", "您对 {0} 的评语"),
        ("Save comment", "保存评语"), ("Entered for {0}", "{0} 已录入"), ("Nothing entered for this month yet.", "本月尚未录入。"), ("Training", "培训"),
        ("Choose what the rating is for.", "请选择评分项。"), ("Give a score from 1 to 5 (halves allowed).", "请给出 1 到 5 分（可用半分）。"),
        ("Choose one of the rep's deals.", "请选择该销售的商机。"), ("Rating saved.", "评分已保存。"), ("Name the course (at most 200 characters).", "请填写课程名称（最多 200 字）。"),
        ("Hours between 0.5 and 200.", "学时须在 0.5 到 200 之间。"), ("Pick a day in {0}.", "请选择 {0} 内的日期。"), ("Training saved.", "培训记录已保存。"),
        ("Write between 5 and 2000 characters.", "请写 5 到 2000 字。"), ("Comment saved.", "评语已保存。"), ("Deleted.", "已删除。"),
        ("Weights", "权重"), ("The four dimensions add up to 100%; within each dimension its indicators add up to 100%. An indicator with nothing to count in a period gives its weight to the others.",
            "四个维度合计 100%；每个维度内各指标合计 100%。某期没有可计数据的指标，其权重分给同维度的其他指标。"),
        ("Dimension weight", "维度权重"), ("Targets", "目标"), ("Training hours per 30 days", "每 30 天培训学时"), ("Save weights", "保存权重"),
        ("Enter a number.", "请输入数字。"), ("Weights saved.", "权重已保存。"),
        ("A report suggests the training when the indicator's 0–100 score is below the threshold.", "当指标得分（0–100）低于阈值时，报告会建议该培训。"),
        ("Add a training suggestion", "新增培训建议"), ("inactive", "已停用"), ("Indicator", "指标"), ("whole dimension", "整个维度"), ("Below score", "低于分数"),
        ("Title (Chinese)", "标题（中文）"), ("Title (English)", "标题（英文）"), ("Detail (Chinese)", "说明（中文）"), ("Detail (English)", "说明（英文）"),
        ("Choose an indicator.", "请选择指标。"), ("A threshold between 0 and 100.", "阈值须在 0 到 100 之间。"),
        ("Give the training a title (Chinese or English).", "请填写培训标题（中文或英文）。"), ("Titles at most 200, details at most 2000 characters.", "标题最多 200 字，说明最多 2000 字。"),
        ("Training suggestion saved.", "培训建议已保存。"), ("Reports", "评估报告"), ("Evaluation", "评估设置"),
    ];
}
