namespace SalesPerf.Reports.Sections;

/// <summary>
/// The headings and labels of the explanation sections (targets, deductions line by line, send-backs, follow-ups,
/// presence and not-scored notes), in the report's language: chosen as <see cref="Labels"/> are, by the report's
/// language (zh-CN or English), via <see cref="DetailLabelsExtensions.Details"/>.
/// </summary>
internal sealed record DetailLabels
{
    public required string Targets { get; init; }
    public required string Metric { get; init; }
    public required string Target { get; init; }
    public required string Actual { get; init; }
    public required string Attainment { get; init; }
    public required string TargetNotSet { get; init; }
    public required string NoTargets { get; init; }

    public required string Deductions { get; init; }
    public required string Date { get; init; }
    public required string What { get; init; }
    public required string Points { get; init; }
    public required string RuleAndInputs { get; init; }
    public required string Event { get; init; }
    public required Func<int, string> EventNo { get; init; }
    public required string KindLate { get; init; }
    public required string KindSendBack { get; init; }
    public required string KindDecision { get; init; }
    public required string NoDeductions { get; init; }
    public required Func<int, string, string> DeductionSum { get; init; }
    public required Func<string, string, string> SameAsIndicator { get; init; }

    public required string DueTime { get; init; }
    public required string SubmittedTime { get; init; }
    public required string Decision { get; init; }
    public required string NotSubmitted { get; init; }

    public required string SendBacks { get; init; }
    public required string Disputes { get; init; }
    public required string Question { get; init; }
    public required string Questioned { get; init; }
    public required string DisputeAnswer { get; init; }
    public required string DisputeOpen { get; init; }
    public required string NoDisputes { get; init; }
    public required string SubmissionNo { get; init; }
    public required string ManagerComment { get; init; }
    public required string DaysToAnswer { get; init; }
    public required string AnswerScore { get; init; }
    public required string NotAnswered { get; init; }
    public required string NoSendBacks { get; init; }

    public required string FollowUps { get; init; }
    public required string Customer { get; init; }
    public required string Content { get; init; }
    public required string NoFollowUps { get; init; }

    public required Func<string, string, string> Presence { get; init; }
    public required string NotScoredRep { get; init; }

    public string Kind(string kind) => kind switch
    {
        "late" => KindLate,
        "sendBack" => KindSendBack,
        "decision" => KindDecision,
        _ => kind,
    };

    public static readonly DetailLabels Zh = new()
    {
        Targets = "目标完成情况", Metric = "指标", Target = "目标", Actual = "实际", Attainment = "完成率",
        TargetNotSet = "未设定——不计分", NoTargets = "本期没有设定目标。",
        Deductions = "扣分明细（逐条）", Date = "日期", What = "类型", Points = "分值", RuleAndInputs = "规则与计算依据", Event = "事件",
        EventNo = n => $"事件 #{n}", KindLate = "逾期", KindSendBack = "退回", KindDecision = "经理决定", NoDeductions = "本期没有扣分。",
        DeductionSum = (n, sum) => $"合计 {n} 条，{sum} 分",
        SameAsIndicator = (name, value) => $"，即“{name}”指标的数值 {value}",
        DueTime = "截止时间", SubmittedTime = "提交时间", Decision = "经理决定", NotSubmitted = "期末未提交",
        Disputes = "疑问与答复", Question = "销售的疑问", Questioned = "质疑的项目", DisputeAnswer = "经理答复与更正", DisputeOpen = "待答复", NoDisputes = "本期没有对评估提出的疑问。",
        SendBacks = "退回记录", SubmissionNo = "提交序号", ManagerComment = "经理意见", DaysToAnswer = "响应天数", AnswerScore = "响应得分",
        NotAnswered = "尚未重新提交", NoSendBacks = "本期没有被退回的提交。",
        FollowUps = "附录：本期跟进记录", Customer = "客户", Content = "跟进内容", NoFollowUps = "本期没有跟进记录。",
        Presence = (from, to) => $"本期在团队的时间：{from} 至 {to}——仅按这段时间评估。",
        NotScoredRep = "不评分：本期没有应完成的工作（无总分，不参与排名）。",
    };

    public static readonly DetailLabels En = new()
    {
        Targets = "Targets", Metric = "Metric", Target = "Target", Actual = "Actual", Attainment = "Attainment",
        TargetNotSet = "not set — not scored", NoTargets = "No targets were set for the period.",
        Deductions = "Deductions, line by line", Date = "Date", What = "What", Points = "Points", RuleAndInputs = "Rule and inputs", Event = "Event",
        EventNo = n => $"event #{n}", KindLate = "late days", KindSendBack = "send-back", KindDecision = "manager's decision", NoDeductions = "No deductions in the period.",
        DeductionSum = (n, sum) => $"Sum of {n} line(s): {sum} points",
        SameAsIndicator = (name, value) => $", the value of the “{name}” indicator ({value})",
        DueTime = "Due", SubmittedTime = "Submitted", Decision = "Manager's decision", NotSubmitted = "not submitted by the period end",
        Disputes = "Questions and answers", Question = "The rep's question", Questioned = "Line questioned", DisputeAnswer = "Manager's answer and correction", DisputeOpen = "open",
        NoDisputes = "No line of this evaluation was questioned.",
        SendBacks = "Send-backs", SubmissionNo = "Submission #", ManagerComment = "Manager's comment", DaysToAnswer = "Days to answer", AnswerScore = "Score",
        NotAnswered = "not yet resubmitted", NoSendBacks = "No submissions were sent back in the period.",
        FollowUps = "Appendix: follow-ups in the period", Customer = "Customer", Content = "Content", NoFollowUps = "No follow-ups recorded in the period.",
        Presence = (from, to) => $"Present in the team from {from} to {to} — judged on that part only.",
        NotScoredRep = "Not scored: nothing was expected in the period (no total, no rank).",
    };
}

internal static class DetailLabelsExtensions
{
    /// <summary>The explanation sections' texts in the same language as these labels.</summary>
    public static DetailLabels Details(this Labels l) => l.IsZh ? DetailLabels.Zh : DetailLabels.En;
}
