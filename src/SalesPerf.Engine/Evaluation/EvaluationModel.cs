using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Evaluation;

/// <summary>An evaluation dimension and its default weight (percent of the total; the defaults sum to 100).</summary>
public sealed record DimensionDef(string Key, LocalizedText Name, decimal DefaultWeight);

/// <summary>An indicator of a dimension and its default weight (percent of its dimension; each dimension's defaults sum to 100).</summary>
public sealed record IndicatorDef(string Key, string Dimension, LocalizedText Name, decimal DefaultWeight);

/// <summary>
/// The evaluation model: four dimensions, their indicators and default weights. Keys are stable: admins' weights and
/// training suggestions refer to them (EvaluationWeights, TrainingSuggestions tables).
/// </summary>
public static class EvaluationModel
{
    public const string Result = "result", Process = "process", Ability = "ability", Growth = "growth";

    public const string ContractsWon = "result.contractsWon";
    public const string ContractValue = "result.contractValue";
    public const string NewCustomers = "result.newCustomers";
    public const string Pipeline = "result.pipeline";
    public const string Deductions = "process.deductions";
    public const string FollowUps = "process.followUps";
    public const string CompletionRate = "process.completionRate";
    public const string OnTimeRate = "process.onTimeRate";
    public const string Revisions = "process.revisions";
    public const string SendBackResponse = "process.sendBackResponse";
    public const string Conversion = "process.conversion";
    public const string CustomerFeedback = "ability.customerFeedback";
    public const string SolutionQuality = "ability.solutionQuality";
    public const string Training = "growth.training";

    /// <summary>Training hours a rep is expected to take per 30 days (scaled to the period's length); admin-editable.</summary>
    public const string TrainingHoursTarget = "target.trainingHoursPer30Days";
    public const decimal DefaultTrainingHoursTarget = 8;

    /// <summary>Follow-up visits expected per 30 days of a rep without a personal follow-up target; admin-editable.</summary>
    public const string FollowUpsExpected = "target.followUpsPer30Days";
    public const decimal DefaultFollowUpsExpected = 8;

    /// <summary>The most an attainment indicator scores, in percent of the target (100: over-achievement earns no more); admin-editable.</summary>
    public const string AttainmentCap = "target.attainmentCap";
    public const decimal DefaultAttainmentCap = 100;

    /// <summary>How many indicator points one point of the score ledger's deductions costs in "process deductions"; admin-editable.</summary>
    public const string DeductionScale = "target.deductionScale";
    public const decimal DefaultDeductionScale = 5;

    public static readonly IReadOnlyList<DimensionDef> Dimensions =
    [
        new(Result, new("业绩结果", "Results"), 30),
        new(Process, new("过程管理", "Process"), 40),
        new(Ability, new("能力", "Ability"), 20),
        new(Growth, new("态度与成长", "Attitude & growth"), 10),
    ];

    public static readonly IReadOnlyList<IndicatorDef> Indicators =
    [
        new(ContractValue, Result, new("合同金额目标达成", "Contract value against target"), 35),
        new(ContractsWon, Result, new("签约数目标达成", "Contracts won against target"), 15),
        new(NewCustomers, Result, new("新客户目标达成", "New customers against target"), 10),
        new(Pipeline, Result, new("加权商机推进", "Weighted pipeline progress"), 40),
        new(FollowUps, Process, new("跟进次数", "Follow-ups"), 10),
        new(CompletionRate, Process, new("节点完成率", "Stage completion rate"), 15),
        new(OnTimeRate, Process, new("按时率", "On-time rate"), 20),
        new(Revisions, Process, new("方案修改次数", "Revisions per stage"), 10),
        new(SendBackResponse, Process, new("退回响应时间", "Response to send-backs"), 10),
        new(Conversion, Process, new("阶段转化率", "Stage-to-stage conversion"), 10),
        new(Deductions, Process, new("过程扣分", "Process deductions"), 25),
        new(CustomerFeedback, Ability, new("客户反馈评分", "Customer feedback"), 50),
        new(SolutionQuality, Ability, new("方案质量评分", "Solution quality"), 50),
        new(Training, Growth, new("培训参与", "Training participation"), 100),
    ];

    public static DimensionDef? Dimension(string key) => Dimensions.FirstOrDefault(d => d.Key == key);
    public static IndicatorDef? Indicator(string key) => Indicators.FirstOrDefault(i => i.Key == key);

    /// <summary>The admin settings that are not weights (expected levels, caps, scales), each with its default.</summary>
    public static readonly IReadOnlyList<string> SettingKeys = [TrainingHoursTarget, FollowUpsExpected, AttainmentCap, DeductionScale];

    /// <summary>Every weight key with its default (dimensions, indicators and the settings).</summary>
    public static IReadOnlyDictionary<string, decimal> DefaultWeights { get; } =
        Dimensions.Select(d => (d.Key, d.DefaultWeight))
            .Concat(Indicators.Select(i => (i.Key, i.DefaultWeight)))
            .Append((TrainingHoursTarget, DefaultTrainingHoursTarget))
            .Append((FollowUpsExpected, DefaultFollowUpsExpected))
            .Append((AttainmentCap, DefaultAttainmentCap))
            .Append((DeductionScale, DefaultDeductionScale))
            .ToDictionary(p => p.Item1, p => p.Item2);
}

/// <summary>Admin-set weights (percent) and targets; keys missing from the stored set fall back to the defaults.</summary>
public sealed class EvaluationWeights
{
    private readonly Dictionary<string, decimal> _values;

    public EvaluationWeights(IReadOnlyDictionary<string, decimal>? stored = null)
    {
        _values = new Dictionary<string, decimal>(EvaluationModel.DefaultWeights);
        foreach (var (key, value) in stored ?? new Dictionary<string, decimal>())
            if (_values.ContainsKey(key)) _values[key] = value;
    }

    public static EvaluationWeights Default { get; } = new();

    public decimal this[string key] => _values.GetValueOrDefault(key);
    public IReadOnlyDictionary<string, decimal> All => _values;

    /// <summary>
    /// What is wrong with a set of weights, keyed by the weight's key ("" for the dimension total): weights are
    /// non-negative, the dimensions sum to 100, each dimension's indicators sum to 100, the training target is positive.
    /// </summary>
    public static IReadOnlyList<(string Key, LocalizedText Message)> Validate(IReadOnlyDictionary<string, decimal> weights)
    {
        var errors = new List<(string, LocalizedText)>();
        decimal W(string key) => weights.TryGetValue(key, out var w) ? w : EvaluationModel.DefaultWeights[key];
        foreach (var key in EvaluationModel.DefaultWeights.Keys)
            if (W(key) < 0) errors.Add((key, new("权重不能为负数。", "A weight cannot be negative.")));
        var dimensionSum = EvaluationModel.Dimensions.Sum(d => W(d.Key));
        if (dimensionSum != 100)
            errors.Add(("", new(Inv.S($"四个维度的权重合计须为 100%，当前为 {dimensionSum:0.##}%。"), Inv.S($"The four dimension weights must add up to 100%; they add up to {dimensionSum:0.##}%."))));
        foreach (var d in EvaluationModel.Dimensions)
        {
            var sum = EvaluationModel.Indicators.Where(i => i.Dimension == d.Key).Sum(i => W(i.Key));
            if (sum != 100)
                errors.Add((d.Key, new(Inv.S($"“{d.Name.Zh}”的指标权重合计须为 100%，当前为 {sum:0.##}%。"),
                    Inv.S($"The indicator weights of “{d.Name.En}” must add up to 100%; they add up to {sum:0.##}%."))));
        }
        if (W(EvaluationModel.TrainingHoursTarget) <= 0)
            errors.Add((EvaluationModel.TrainingHoursTarget, new("培训目标时长须大于 0。", "The training-hours target must be more than 0.")));
        if (W(EvaluationModel.FollowUpsExpected) <= 0)
            errors.Add((EvaluationModel.FollowUpsExpected, new("预期跟进次数须大于 0。", "The expected follow-ups must be more than 0.")));
        if (W(EvaluationModel.AttainmentCap) < 100)
            errors.Add((EvaluationModel.AttainmentCap, new("达成率上限不能低于 100%。", "The attainment cap cannot be below 100%.")));
        return errors;
    }
}

/// <summary>An admin-editable training suggestion: offered when the indicator's (or dimension's) 0–100 score is below the threshold.</summary>
public sealed record TrainingSuggestion(string IndicatorKey, decimal Threshold, LocalizedText Title, LocalizedText Detail);
