using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Reports.Sections;

/// <summary>The renderer's own headings and labels in the report's language (zh-CN or English).</summary>
internal sealed record Labels(
    string Language,
    string ReportTitle, string PackTitle, string Rep, string Team, string Manager, string Period, string TotalScore,
    string TeamAverage, string Rank, Func<int, int, string> RankOf,
    string Cover, string ScoreByDimension, string Indicators, string DealTimelines, string Delays, string Comments, string Training,
    string DimensionSummary, string Dimension, string Weight, string Score, string Difference,
    string ChartTitle, string ChartYAxis, string ChartXAxis, string ThisRep,
    string Indicator, string Value, string HowComputed, Func<string, string, string> DimensionLine,
    string Stage, string Start, string End, string Due, string Result, string Legend, string DueMarker, string Revisions,
    string InProgress, string OnTime, string LateApproved, string SentBack, string Abandoned, string NoDeals,
    string Deal, string DaysLate, string Reason, string Attribution, string Deduction, string Counts, string Yes, string No,
    Func<string, int, string> DelaySummary, string NoDelays, string NoComments, string NoTraining, string Because,
    string TeamSummary, string Ranking, string Distribution, string DistributionTitle, string ScoreRange, string RepCount,
    string DimensionAverages, string TeamAverageSeries, string Highest, string Lowest, string Median, string Reps,
    string CountedDeductions, string DelayCount, Func<int, int, string> PageOf, string Product, string KeyFigures, string DealCount,
    string NotScored, Func<string, string, string> DimensionsNotScored, Func<string, string, string> IndicatorsNotScored,
    string DimensionNotCounted, string HowTotalComputed)
{
    public static Labels For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;

    public bool IsZh => Language.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>"经理：王建国" in Chinese (full-width colon), "Manager: Grace Wang" in English.</summary>
    public string Labelled(string label, string value) => IsZh ? $"{label}：{value}" : $"{label}: {value}";

    /// <summary>"（未评分）" in Chinese, " (not scored)" in English.</summary>
    public string InParentheses(string s) => IsZh ? $"（{s}）" : $" ({s})";

    public string Outcome(StageOutcome o) => o switch
    {
        StageOutcome.ApprovedOnTime => OnTime,
        StageOutcome.ApprovedLate => LateApproved,
        StageOutcome.SentBack => SentBack,
        StageOutcome.Abandoned => Abandoned,
        _ => InProgress,
    };

    public static readonly Labels Zh = new(
        "zh-CN",
        "销售绩效评估报告", "团队绩效评估汇总", "销售代表", "团队", "经理", "评估期间", "总分",
        "团队平均", "排名", (r, n) => $"第 {r} 名 / 共 {n} 人",
        "封面", "各维度得分", "指标明细", "商机阶段时间线", "延误明细", "经理评语", "培训建议",
        "维度概览", "维度", "权重", "得分", "与团队平均差",
        "各维度得分与团队平均对比", "得分（0–100）", "评估维度", "本人：",
        "指标", "数值", "计算方法", (w, s) => $"权重 {w} · 得分 {s}",
        "阶段", "开始", "结束", "截止", "结果", "图例：", "截止日", "修订",
        "进行中", "按时通过", "逾期通过", "被退回", "已放弃", "本期没有商机记录。",
        "商机", "逾期天数", "延误原因", "责任归属", "扣分", "计入扣分", "是", "否",
        (total, excluded) => $"计入扣分合计 {total}；{excluded} 项非本人原因的延误不计入。", "本期没有延误。", "本期没有经理评语。", "各项指标均达标，暂无培训建议。", "原因指标：",
        "团队汇总", "排名", "总分分布", "总分分布（人数）", "总分区间", "人数",
        "团队各维度平均分", "团队平均", "最高分", "最低分", "中位数", "人数",
        "过程扣分（计入总分）", "本人原因的延误", (x, y) => $"第 {x} 页，共 {y} 页", "SalesPerf 销售过程管理", "本期要点", "商机数",
        "未评分",
        (names, weights) => $"{names}未评分（本期没有可计入的数据），其权重 {weights} 按比例分给其余维度。",
        (names, weights) => $"{names}未评分（本期没有可计入的数据），其权重 {weights} 按比例分给本维度其余指标。",
        "本维度未评分：本期没有可计入的数据，不计入总分。", "总分计算：");

    public static readonly Labels En = new(
        "en",
        "Sales performance evaluation", "Team performance review", "Rep", "Team", "Manager", "Period", "Total score",
        "Team average", "Rank", (r, n) => $"{r} of {n}",
        "Cover", "Score by dimension", "Indicators", "Deal timelines", "Delays", "Manager comments", "Training suggestions",
        "Dimensions at a glance", "Dimension", "Weight", "Score", "vs team average",
        "Score by dimension against the team average", "Score (0–100)", "Evaluation dimension", "This rep: ",
        "Indicator", "Value", "How it was computed", (w, s) => $"weight {w} · score {s}",
        "Stage", "Start", "End", "Due", "Result", "Legend:", "due date", "revisions",
        "in progress", "approved on time", "approved late", "sent back", "abandoned", "No deals in this period.",
        "Deal", "Days late", "Reason", "Attribution", "Deduction", "Counts", "yes", "no",
        (total, excluded) => $"Counted deductions: {total}; {excluded} delay(s) not caused by the rep do not count.", "No delays in this period.", "No manager comments in this period.", "Every indicator met its target: no training suggested.", "Because of: ",
        "Team summary", "Ranking", "Score distribution", "Total score distribution (reps)", "Total score range", "Reps",
        "Team average by dimension", "Team average", "Highest", "Lowest", "Median", "Reps",
        "Deductions (in the total)", "Rep-caused delays", (x, y) => $"Page {x} of {y}", "SalesPerf sales process", "Key figures", "Deals",
        "not scored",
        (names, weights) => $"Not scored: {names} (nothing to count in the period); its weight ({weights}) is shared by the other dimensions in proportion.",
        (names, weights) => $"Not scored: {names} (nothing to count in the period); its weight ({weights}) is shared by the dimension's other indicators in proportion.",
        "Not scored: nothing to count in the period, so this dimension does not count towards the total.", "How the total is computed: ");
}
