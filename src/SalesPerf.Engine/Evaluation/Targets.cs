using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Evaluation;

/// <summary>A metric a target can be set on. Keys are stable: stored targets refer to them.</summary>
public sealed record TargetMetricDef(string Key, LocalizedText Name, bool IsMoney);

/// <summary>
/// The metrics targets are set on (company → team → rep). Results are scored as attainment of the rep's own target;
/// a rep without a target on a metric is "not scored" on it, not 0. Collections (回款) will be added here.
/// </summary>
public static class TargetMetrics
{
    public const string ContractValue = "contractValue";
    public const string ContractsWon = "contractsWon";
    public const string NewCustomers = "newCustomers";
    public const string FollowUps = "followUps";

    public static readonly IReadOnlyList<TargetMetricDef> All =
    [
        new(ContractValue, new("签约合同金额", "Signed contract value"), true),
        new(ContractsWon, new("签约数", "Contracts won"), false),
        new(NewCustomers, new("新客户数", "New customers"), false),
        new(FollowUps, new("跟进拜访次数", "Follow-up visits"), false),
    ];

    public static TargetMetricDef? Find(string key) => All.FirstOrDefault(m => m.Key == key);
}

/// <summary>
/// A rep's target on one metric for the evaluation's period (already cut to the period: a quarter's target for a month
/// is its share by days), with where it came from in words ("2026 Q1 target 3,000,000, approved by Wang on 2 Jan, 31 of 90 days").
/// </summary>
public sealed record RepTarget(string Metric, decimal Value, string Source);
