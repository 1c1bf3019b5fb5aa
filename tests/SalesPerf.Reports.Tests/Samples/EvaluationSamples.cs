using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Reports.Tests.Samples;

/// <summary>
/// Realistic evaluations for the report tests and the benchmark (which compiles this same file): a rep with four
/// dimensions, indicators with long "how computed" texts, deals with stage runs, delays of both attributions,
/// manager comments and training suggestions, in Chinese or English; and teams of any size.
/// </summary>
public static class EvaluationSamples
{
    public static readonly EvaluationPeriod March2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));

    private static readonly string[] Surnames = ["张", "李", "王", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["伟", "娜", "洋", "静", "帆", "磊", "敏", "强", "晓丽", "刚", "兰", "军", "芳", "杰", "婷", "涛", "鹏", "慧", "超", "霞"];
    private static readonly string[] EnglishNames = ["David Miller", "Anna Schmidt", "Lucas Martin", "Emma Brown", "Noah Wilson", "Mia Taylor", "Liam Moore", "Olivia Clark"];

    public static string RepName(int i, string language) =>
        IsZh(language) ? Surnames[i % Surnames.Length] + Given[(i / Surnames.Length + i) % Given.Length] : EnglishNames[i % EnglishNames.Length] + (i >= EnglishNames.Length ? $" {i / EnglishNames.Length + 1}" : "");

    public static RepEvaluation Rep(string language = "zh-CN", int index = 0, int rank = 1, int teamSize = 8, string? name = null)
    {
        var zh = IsZh(language);
        var jitter = (index * 7) % 41 - 14; // spreads a team's totals over roughly 60–90
        var dimensions = new List<DimensionResult>
        {
            Dimension("result", zh ? "结果" : "Result", 35, 76.0m,
                Indicator("contracts", zh ? "签约数" : "Contracts won", 50, 3, "3", S(85.0m - jitter), 70.0m,
                    zh ? "本期赢单（DealWon 事件）3 个；团队最高 4 个记 100 分，按比例折算。" : "3 deals won in the period (DealWon events); the team's best (4) scores 100, others pro rata."),
                Indicator("value", zh ? "合同金额" : "Contract value", 50, 4_200_000m, zh ? "420 万元" : "CNY 4.2 M", S(80.0m - jitter), 82.0m,
                    zh ? "赢单合同金额合计 420 万元；以团队目标 500 万元为 100 分。跨期赢单按签约日期计入当期。" : "Sum of won contract values, CNY 4.2 M; the team target of CNY 5 M scores 100. A deal counts in the period it was signed.")),
            Dimension("process", zh ? "过程" : "Process", 35, 71.3m,
                Indicator("followups", zh ? "跟进次数" : "Follow-ups", 20, 26, zh ? "26 次" : "26", S(90.0m - jitter / 2m), 75.0m,
                    zh ? "本期记录的拜访与电话（FollowUpRecorded 事件）共 26 次，目标每月 24 次。包括已延期到下期的商机上的跟进，过程工作同样得到认可。" : "26 visits and calls recorded (FollowUpRecorded events); the monthly target is 24. Follow-ups on deals that slipped past the period end count too."),
                Indicator("ontime", zh ? "按时完成率" : "On-time rate", 30, 0.8m, "12 / 15, 80%", S(80.0m - jitter / 2m), 78.0m,
                    zh ? "15 个阶段中 12 个在截止时间前获批；客户原因（经理确认）造成的 2 次延误不计为逾期。" : "12 of 15 stages approved before their deadline; 2 delays confirmed by the manager as customer-caused are not counted as late."),
                Indicator("revisions", zh ? "方案修订次数" : "Revisions per solution", 20, 1.5m, "1.5", S(62.0m - jitter / 2m), 70.0m,
                    zh ? "每个方案演示阶段平均被退回修改 1.5 次（SubmissionSentBack 事件），1 次以内记满分，每多 1 次扣 25 分。" : "Each solution demo was sent back 1.5 times on average (SubmissionSentBack events); up to 1 scores 100, each extra one costs 25 points."),
                Indicator("response", zh ? "退回响应时间" : "Response to send-backs", 30, 2.5m, zh ? "2.5 个工作日" : "2.5 business days", S(70.0m - jitter / 2m), 66.0m,
                    zh ? "从退回到重新提交的平均工作日数（按公司日历，扣除节假日与调休），2 天以内记满分。" : "Average business days from a send-back to the next submission (company calendar, holidays excluded); within 2 days scores 100.")),
            Dimension("ability", zh ? "能力" : "Ability", 20, 80.5m,
                Indicator("feedback", zh ? "客户反馈评分" : "Customer feedback", 50, 4.6m, "4.6 / 5", S(92.0m - jitter / 3m), 84.0m,
                    zh ? "经理在门户中录入的客户反馈评分平均 4.6 分（满分 5 分），共 5 条评分。" : "Average of the 5 customer feedback ratings entered by the manager in the portal: 4.6 of 5."),
                Indicator("quality", zh ? "方案质量评分" : "Solution quality", 50, 4.2m, "4.2 / 5", S(84.0m - jitter / 3m), 77.0m,
                    zh ? "技术团队对 3 份方案的质量评分平均 4.2 分。" : "The technical team rated 3 solutions, 4.2 of 5 on average.")),
            Dimension("attitude", zh ? "态度与成长" : "Attitude & growth", 10, 72.0m,
                Indicator("training", zh ? "培训参与" : "Training participation", 100, 1, zh ? "1 / 2 次" : "1 of 2", S(60.0m - jitter / 2m), 72.0m,
                    zh ? "本期安排的 2 次培训中参加 1 次。" : "Attended 1 of the 2 trainings scheduled in the period.")),
        };
        var total = Total(dimensions);
        var deals = Deals(zh, index);
        var delays = new List<DelayLine>
        {
            new(deals[0].DealId, deals[0].Title, zh ? "需求分析报告" : "Needs analysis", 3, zh ? "客户技术负责人出差，需求确认会推迟一周召开。" : "The customer's technical lead travelled; the needs review moved a week.",
                "customer", zh ? "客户原因" : "Customer", 0m, false, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)),
            new(deals[1].DealId, deals[1].Title, zh ? "方案演示" : "Solution demo", 2, zh ? "演示环境准备不足，需要重新部署测试数据。" : "The demo environment was not ready and test data had to be redeployed.",
                "rep", zh ? "本人原因" : "Rep", 2.0m, true, new DateTimeOffset(2026, 3, 18, 9, 0, 0, TimeSpan.Zero)),
            new(deals[1].DealId, deals[1].Title, zh ? "客户反馈" : "Customer feedback", 4, zh ? "报价单审批流程在公司内部耽搁，未能按时提交客户；经理复核后认定为本人跟进不及时。" : "The quotation approval stalled internally and missed the customer's date; on review the manager found the follow-up was late.",
                "rep", zh ? "本人原因" : "Rep", 4.0m, true, new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.Zero)),
            new(deals[2].DealId, deals[2].Title, zh ? "商务谈判" : "Negotiation", 1, zh ? "电网公司年度预算冻结，谈判暂停。" : "The grid company's annual budget was frozen; talks paused.",
                "other", zh ? "其他原因" : "Other", 0.5m, true, new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero)),
        };
        var comments = new List<ManagerComment>
        {
            new(zh ? "王经理" : "Grace Wang", new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero),
                zh ? "本月跟进积极，客户关系维护到位。方案演示前的准备需要更充分，建议提前一周与技术团队确认演示环境和数据。" : "Active follow-up this month and good customer relations. Prepare demos more thoroughly: confirm the environment and data with the technical team a week ahead."),
            new(zh ? "王经理" : "Grace Wang", new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero),
                zh ? "华北电网项目签约推进顺利，值得肯定。" : "The North Grid contract moved forward well: well done."),
        };
        var training = new List<TrainingAdvice>
        {
            new(zh ? "方案修订次数" : "Revisions per solution", zh ? "解决方案演示技巧" : "Solution demo skills",
                zh ? "两天课程：需求复述、演示脚本与常见异议处理。下期开课：4 月 15 日。" : "Two-day course: restating needs, demo scripts and handling objections. Next run: 15 April."),
            new(zh ? "培训参与" : "Training participation", zh ? "电力行业产品知识" : "Power-sector product knowledge",
                zh ? "线上自学课程，约 6 小时。" : "Self-paced online course, about 6 hours."),
        };
        delays = Explained(delays, zh);
        return new RepEvaluation($"rep-{index}", name ?? RepName(index, language), zh ? "华北电网团队" : "North Grid team", zh ? "王经理" : "Grace Wang",
            March2026, zh ? "zh-CN" : "en", total, 76.4m, rank, teamSize, dimensions, deals, delays, comments, training)
        {
            Deductions = Deductions(deals, zh),
            SendBacks = SendBacks(deals, zh),
            FollowUps = FollowUps(deals, zh),
            Targets = Targets(zh),
        };
    }

    private static DateTimeOffset T(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>The delays with due and submit times, the manager's decision and the rule, as the evaluator fills them.</summary>
    private static List<DelayLine> Explained(List<DelayLine> delays, bool zh) =>
    [
        delays[0] with { Due = T(7, 18), SubmittedAt = T(10, 8, 45), DecisionKey = "confirmed", EventSequence = 14,
            Decision = zh ? "销售申报“客户原因”；王经理确认：客户技术负责人出差属实，已核对会议纪要。" : "The rep claimed customer-caused; Grace Wang confirmed: the customer's lead was travelling, checked against the meeting minutes.",
            Rule = zh ? "客户原因每天扣 0 分" : "customer-caused: 0 per day" },
        delays[1] with { Due = T(16, 18), SubmittedAt = T(18, 9, 30), DecisionKey = "confirmed", EventSequence = 22,
            Decision = zh ? "销售申报“本人原因”；王经理确认。" : "The rep claimed rep-caused; Grace Wang confirmed.",
            Rule = zh ? "本人原因每天扣 1 分，每阶段最多 5 分" : "rep-caused: 1 per day, at most 5 per stage" },
        delays[2] with { Due = T(20, 18), SubmittedAt = T(24, 17, 5), DecisionKey = "reclassified", EventSequence = 31,
            Decision = zh ? "销售申报“客户原因”；王经理改判为“本人原因”：报价单在公司内部审批耽搁，跟进不及时。" : "The rep claimed customer-caused; Grace Wang re-classified it as rep-caused: the quotation stalled in internal approval and the follow-up was late.",
            Rule = zh ? "本人原因每天扣 1 分，每阶段最多 5 分" : "rep-caused: 1 per day, at most 5 per stage" },
        delays[3] with { Due = T(26, 18), SubmittedAt = null, DecisionKey = "claimed", EventSequence = null,
            Decision = zh ? "销售申报“其他原因”，等待经理确认。" : "The rep claimed other; awaiting the manager.",
            Rule = zh ? "其他原因每天扣 0.5 分" : "other: 0.5 per day" },
    ];

    /// <summary>Every deduction of the period, line by line (the late days of the delays above, a send-back, and a manager's decision giving points back).</summary>
    private static List<DeductionLine> Deductions(List<DealTimeline> deals, bool zh)
    {
        string Rule(string stage, string attribution, string rate) => zh
            ? $"“{stage}”逾期每天扣分：销售原因 1、客户原因 0、其他 0.5，每阶段最多 5；本条按{attribution} {rate}/天"
            : $"“{stage}” per late day: rep-caused 1, customer-caused 0, other 0.5, at most 5 per stage; this line at {attribution} {rate}/day";
        string Inputs(string due, string submitted, string approved, int days, string claim, string product) => zh
            ? $"截止 {due}，提交 {submitted}，通过 {approved}：逾期 {days} 天（自然日）；{claim}；{product}"
            : $"due {due}, submitted {submitted}, approved {approved}: {days} day(s) late (calendar days); {claim}; {product}";
        string needs = zh ? "需求分析报告" : "Needs analysis", demo = zh ? "方案演示" : "Solution demo", feedback = zh ? "客户反馈" : "Customer feedback";
        return
        [
            new(deals[0].DealId, deals[0].Title, needs, "late", -3m, T(10, 9), 15, Rule(needs, zh ? "销售原因" : "rep-caused", "1"),
                Inputs("2026-03-07 18:00", "2026-03-10 08:45", "2026-03-10 09:00", 3, zh ? "申报客户原因，待经理确认前按销售原因计" : "claimed customer-caused, counted as rep-caused until the manager decides", "3 × 1 = 3")),
            new(deals[0].DealId, deals[0].Title, needs, "decision", 3m, T(11, 10, 20), 17, Rule(needs, zh ? "客户原因" : "customer-caused", "0"),
                zh ? "王经理确认“客户原因”：客户技术负责人出差属实；逾期 3 天的扣分随之调整 +3" : "Grace Wang confirmed customer-caused: the customer's lead was travelling; the deduction for 3 late day(s) changes by +3"),
            new(deals[0].DealId, deals[0].Title, demo, "sendBack", -1m, T(13, 16, 10), 19, zh ? "每次退回扣 1 分" : "1 per send-back",
                zh ? "第 1 次提交被退回：演示脚本缺少客户现场的 SCADA 接口说明" : "submission 1 sent back: the demo script lacked the site's SCADA interface notes"),
            new(deals[1].DealId, deals[1].Title, demo, "late", -2m, T(18, 10), 23, Rule(demo, zh ? "销售原因" : "rep-caused", "1"),
                Inputs("2026-03-16 18:00", "2026-03-18 09:30", "2026-03-18 10:00", 2, zh ? "申报销售原因" : "claimed rep-caused", "2 × 1 = 2")),
            new(deals[1].DealId, deals[1].Title, feedback, "late", -4m, T(24, 17, 30), 32, Rule(feedback, zh ? "销售原因" : "rep-caused", "1"),
                Inputs("2026-03-20 18:00", "2026-03-24 17:05", "2026-03-24 17:30", 4, zh ? "申报客户原因，经理改判为销售原因" : "claimed customer-caused, re-classified by the manager as rep-caused", "4 × 1 = 4")),
        ];
    }

    private static List<SendBackLine> SendBacks(List<DealTimeline> deals, bool zh) =>
    [
        new(deals[0].DealId, deals[0].Title, zh ? "方案演示" : "Solution demo", 1, T(13, 16, 10), 19,
            zh ? "演示脚本缺少客户现场 SCADA 接口的说明，请补充接口清单和测试数据后重新提交。" : "The demo script lacks the site's SCADA interface notes: add the interface list and test data, then resubmit.",
            T(15, 11), 1.8m, 100m),
        new(deals[1].DealId, deals[1].Title, zh ? "客户反馈" : "Customer feedback", 2, T(27, 9, 40), 35,
            zh ? "反馈汇总没有区分客户的必选与可选需求，请按优先级重新整理。" : "The feedback summary does not separate the customer's must-haves from nice-to-haves: sort it by priority.",
            null, 3.5m, 60m),
    ];

    private static List<FollowUpLine> FollowUps(List<DealTimeline> deals, bool zh) =>
    [
        new(deals[0].DealId, deals[0].Title, deals[0].Customer, T(3, 14), 9,
            zh ? "拜访国网华北分公司运检部，确认巡检机器人试点的三个变电站及现场网络条件；客户希望 4 月前看到演示。" : "Visited the maintenance department: confirmed the three pilot substations for the inspection robots and the site networks; the customer wants a demo before April."),
        new(deals[1].DealId, deals[1].Title, deals[1].Customer, T(12, 10, 30), 20,
            zh ? "电话沟通二期配电终端数量和报价口径，约定 3 月 20 日前提交修订报价。" : "Call on the number of phase-2 distribution terminals and the pricing basis; agreed to send the revised quote by 20 March."),
        new(deals[2].DealId, deals[2].Title, deals[2].Customer, T(26, 15), 33,
            zh ? "拜访河北新能源集团，了解年度预算冻结情况，客户预计 5 月恢复采购流程。" : "Visited Hebei New Energy Group about the budget freeze; the customer expects purchasing to resume in May."),
    ];

    private static List<TargetLine> Targets(bool zh) =>
    [
        new("contracts", zh ? "签约数" : "Contracts won", 4m, 3m, 75m, "target"),
        new("value", zh ? "合同金额（元）" : "Contract value (CNY)", 5_000_000m, 4_200_000m, 84m, "target"),
        new("followups", zh ? "跟进次数" : "Follow-ups", 24m, 26m, 108.3m, "target"),
        new("newCustomers", zh ? "新客户数" : "New customers", null, 1m, null, "none"),
    ];

    public static TeamEvaluation Team(int size, string language = "zh-CN")
    {
        var reps = Enumerable.Range(0, size).Select(i => Rep(language, i)).OrderByDescending(r => r.TotalScore).ToList();
        reps = reps.Select((r, i) => r with { Rank = i + 1, TeamSize = size }).ToList();
        var zh = IsZh(language);
        return new TeamEvaluation(zh ? "华北电网团队" : "North Grid team", zh ? "王经理" : "Grace Wang", March2026, zh ? "zh-CN" : "en", reps);
    }

    private static List<DealTimeline> Deals(bool zh, int index)
    {
        string[] stageKeys = ["visit", "needs", "demo", "feedback", "negotiation", "contract"];
        string[] stageNames = zh ? ["首次拜访", "需求分析报告", "方案演示", "客户反馈", "商务谈判", "合同签订"] : ["First visit", "Needs analysis", "Solution demo", "Customer feedback", "Negotiation", "Contract"];
        var deals = new List<DealTimeline>();
        (string Title, string Customer, string Status)[] specs = zh
            ? [("110kV 变电站智能巡检系统", "国网华北分公司", "进行中"), ("配电自动化改造二期", "华北电力设计院", "已赢单"), ("新能源场站运维服务", "河北新能源集团", "暂停")]
            : [("110 kV substation smart inspection", "State Grid North", "open"), ("Distribution automation, phase 2", "North China Power Design", "won"), ("Renewable site O&M service", "Hebei New Energy Group", "on hold")];
        var start = new DateTimeOffset(2025, 12, 1, 1, 0, 0, TimeSpan.Zero).AddDays(index % 10);
        for (var d = 0; d < specs.Length; d++)
        {
            var stages = new List<StageSpan>();
            var t = start.AddDays(d * 12);
            var count = d == 1 ? 6 : 4 + d;
            for (var s = 0; s < Math.Min(count, stageKeys.Length); s++)
            {
                var length = 9 + (s * 5 + d * 3) % 11;
                var due = t.AddDays(12);
                var last = s == Math.Min(count, stageKeys.Length) - 1 && d != 1;
                var outcome = last ? (d == 2 ? StageOutcome.Abandoned : StageOutcome.InProgress)
                    : s == 2 && d == 0 ? StageOutcome.SentBack
                    : length > 12 ? StageOutcome.ApprovedLate : StageOutcome.ApprovedOnTime;
                DateTimeOffset? ended = outcome == StageOutcome.InProgress ? null : t.AddDays(length);
                stages.Add(new StageSpan(stageKeys[s], stageNames[s], t, ended, due, outcome, s == 2 ? 1 + d % 2 : 0));
                t = ended ?? t;
            }
            deals.Add(new DealTimeline(new Guid(index + 1, (short)d, 0, new byte[8]), specs[d].Title, specs[d].Customer, specs[d].Status, stages));
        }
        return deals;
    }

    /// <summary>
    /// Marks indicators (by key) or whole dimensions as not scored, as the evaluator does when there was nothing to count:
    /// their weight goes to the others, and the dimension scores and the total are recomputed the evaluator's way.
    /// </summary>
    public static RepEvaluation WithoutScores(RepEvaluation rep, params string[] keys)
    {
        var dimensions = rep.Dimensions.Select(d =>
        {
            var indicators = d.Indicators.Select(i => keys.Contains(i.Key) || keys.Contains(d.Key) ? i with { Score = 0, DisplayValue = "—", Scored = false } : i).ToList();
            return Dimension(d.Key, d.Name, d.Weight, d.TeamAverage, [.. indicators]);
        }).ToList();
        return rep with { Dimensions = dimensions, TotalScore = Total(dimensions) };
    }

    /// <summary>Weights are percentages; scores are rounded to one decimal at each step, half away from zero (as the evaluator does).</summary>
    private static DimensionResult Dimension(string key, string name, decimal weight, decimal teamAverage, params IndicatorResult[] indicators)
    {
        var counted = indicators.Where(i => i.Scored).ToList();
        var score = counted.Count == 0 ? 0 : R(counted.Sum(i => i.Weight * i.Score) / counted.Sum(i => i.Weight));
        return new DimensionResult(key, name, weight, score, teamAverage, indicators) { Scored = counted.Count > 0 };
    }

    private static decimal Total(IReadOnlyList<DimensionResult> dimensions)
    {
        var counted = dimensions.Where(d => d.Scored).ToList();
        return counted.Count == 0 ? 0 : R(counted.Sum(d => d.Weight * d.Score) / counted.Sum(d => d.Weight));
    }

    private static decimal R(decimal d) => Math.Round(d, 1, MidpointRounding.AwayFromZero);

    private static decimal S(decimal score) => Math.Clamp(R(score), 0, 100);

    private static IndicatorResult Indicator(string key, string name, decimal weight, decimal value, string display, decimal score, decimal teamAverage, string how) =>
        new(key, name, weight, value, display, score, teamAverage, how);

    private static bool IsZh(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
