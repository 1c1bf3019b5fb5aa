using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Projections;

namespace SalesPerf.Engine.Dashboards;

/// <summary>How a stage run ended, as far as the dashboards care (Migrated: an admin moved the deal to another stage).</summary>
public enum StageRunEnd { Open, Approved, SentBack, Closed, Migrated }

/// <summary>
/// One run of a stage: started, due, ended (approved, sent back to an earlier stage, or the deal closed), how late the
/// approved submission was, and when the manager sent a submission back (each is a revision).
/// </summary>
public sealed record StageRunFact(
    string StageKey,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? EndedAt,
    StageRunEnd End,
    int LateDays,
    IReadOnlyList<DateTimeOffset> SentBackAt)
{
    /// <summary>The run's lateness is a customer-caused wait the manager confirmed: not counted against on-time (as in the evaluation).</summary>
    public bool CustomerWait { get; init; }

    /// <summary>The deal was on hold when the run fell due: its clock was stopped.</summary>
    public bool HeldAtDue { get; init; }
}

/// <summary>A logged follow-up: when the visit or call was, and the stage the deal was in.</summary>
public sealed record FollowUpFact(DateTimeOffset VisitedAt, string? StageKey);

/// <summary>
/// The few facts of a deal's history the dashboards aggregate (stage runs, follow-ups, outcome): a compact view of the
/// one <see cref="DealProjection"/>, small enough to keep for 100,000 deals.
/// </summary>
public sealed record DealFacts(Guid DealId, IReadOnlyList<StageRunFact> Stages, IReadOnlyList<FollowUpFact> FollowUps, DateTimeOffset? WonAt)
{
    public static DealFacts From(Guid dealId, IEnumerable<DealEvent> events) => Of(dealId, DealProjection.From(new(events.ToList(), null)));

    public static DealFacts Of(Guid dealId, DealProjection p) => new(dealId,
        p.Runs.Select(r => new StageRunFact(r.StageKey, r.ScheduleStart, r.Due, r.Ended, End(r), r.LateDays, r.SentBackAt) { CustomerWait = p.IsCustomerWait(r), HeldAtDue = p.OnHoldAt(r.Due) }).ToList(),
        p.FollowUps.Select(f => new FollowUpFact(f.VisitedAt, f.StageKey)).ToList(),
        p.WonAt);

    private static StageRunEnd End(RunFacts r) => r.Outcome switch
    {
        StageOutcome.InProgress => StageRunEnd.Open,
        StageOutcome.ApprovedOnTime or StageOutcome.ApprovedLate => StageRunEnd.Approved,
        StageOutcome.SentBack => StageRunEnd.SentBack,
        _ => r.MigratedAway ? StageRunEnd.Migrated : StageRunEnd.Closed,
    };
}
