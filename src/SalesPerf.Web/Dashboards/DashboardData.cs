using SalesPerf.Engine.Dashboards;
using SalesPerf.Web.Deals;

namespace SalesPerf.Web.Dashboards;

public sealed record Option(string Value, string Label);

public sealed record StageOption(string Key, StageName? Name);

public sealed record StageBar(string StageKey, StageName? Name, int Open, int Waiting);

public sealed record FunnelBar(string StageKey, StageName? Name, int Deals, double? FromPrevious);

public sealed record RepRow(RepIndicators Figures, string Name, string TeamName, IndicatorAverage? TeamAverage);

/// <summary>The rep comparison table: the process figures and, beside them, this month's evaluation total of each rep.</summary>
public sealed record RepComparison(DashboardData Data, IReadOnlyDictionary<string, Engine.Evaluation.RepEvaluation> Scores, Engine.Evaluation.EvaluationPeriod Month);

/// <summary>Everything a dashboard shows, already filtered to the viewer's access.</summary>
public sealed record DashboardData(
    DashboardFilter Filter,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<Option> Teams,
    IReadOnlyList<Option> Reps,
    IReadOnlyList<Option> CustomerTypes,
    IReadOnlyList<StageOption> Stages,
    IReadOnlyList<StageBar> StageDistribution,
    CycleBucket Bucket,
    IReadOnlyList<CyclePoint> FollowUpCycle,
    IReadOnlyList<FunnelBar> Funnel,
    IReadOnlyList<RepRow> RepRows,
    bool ShowsTeamAverage);

public static class RepComparisons
{
    /// <summary>The comparison table's rows with this month's evaluation totals of the same reps.</summary>
    public static async Task<RepComparison> WithScoresAsync(DashboardData data, Accounts.AccessScope scope, Evaluations.MonthScores scores, CancellationToken ct) =>
        new(data, await scores.ForAsync(scope, data.RepRows.Select(r => (r.Figures.RepId, Guid.TryParse(r.Figures.TeamKey, out var t) ? t : (Guid?)null)), ct), scores.Month);
}
