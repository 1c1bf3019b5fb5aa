using SalesPerf.Engine.Dashboards;
using SalesPerf.Web.Deals;

namespace SalesPerf.Web.Dashboards;

public sealed record Option(string Value, string Label);

public sealed record StageOption(string Key, StageName? Name);

public sealed record StageBar(string StageKey, StageName? Name, int Open, int Waiting);

public sealed record FunnelBar(string StageKey, StageName? Name, int Deals, double? FromPrevious);

public sealed record RepRow(RepIndicators Figures, string Name, string TeamName, IndicatorAverage? TeamAverage);

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
