using System.Collections.Immutable;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Deals;

public enum DealStatus { Active, OnHold, Won, Lost }

public enum StageRunStatus { Open, Submitted, Approved, SentBack }

public sealed record PendingSubmission(int SubmissionNo, DateTimeOffset SubmittedAt, string SubmittedBy, Deliverable Deliverable);

/// <summary>One pass of a deal through one stage (a stage can be run again after a send-back).</summary>
public sealed record StageRun(string StageKey, int Run, StageSchedule Schedule)
{
    public StageRunStatus Status { get; init; } = StageRunStatus.Open;
    public PendingSubmission? Pending { get; init; }
    public int Submissions { get; init; }
    public string? LastSendBackComment { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public int LateDays { get; init; }
    /// <summary>Keys of the schedule's due items that have already fired in this run.</summary>
    public ImmutableHashSet<string> Fired { get; init; } = [];
    /// <summary>The delay reason whose attribution was scored at approval.</summary>
    public int? ScoredDelayNo { get; init; }

    public bool IsOverdueAt(DateTimeOffset now) => Status is StageRunStatus.Open or StageRunStatus.Submitted && now > Schedule.DueAt;
}

/// <summary>
/// A delay reason: the rep's claim of who caused it, until a manager decides (confirms or re-classifies; <see cref="DecidedBy"/>).
/// An undecided claim counts as rep-caused (<see cref="Counted"/>), so a manager's word is what removes a deduction.
/// </summary>
public sealed record DelayReason(int DelayNo, string StageKey, int Run, string Reason, DelayAttribution Attribution,
    DateTimeOffset RecordedAt, string RecordedBy, string? DecidedBy = null, bool Reclassified = false)
{
    public bool Decided => DecidedBy is not null;
    public DelayAttribution Counted => Decided ? Attribution : DelayAttribution.Rep;
}

public sealed record FollowUp(int FollowUpNo, DateTimeOffset VisitedAt, string Content, string? CustomerNeeds,
    string? NextStep, DateOnly? NextStepDate, string LoggedBy);

/// <summary>A deal as derived from its events. Immutable; <see cref="Apply"/> returns the next state.</summary>
public sealed partial record DealState
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public required string Customer { get; init; }
    public required string CustomerType { get; init; }
    public required string RepId { get; init; }
    public required string FlowDefinitionId { get; init; }
    public required int FlowVersion { get; init; }
    public decimal? EstimatedValue { get; init; }
    public DealStatus Status { get; init; } = DealStatus.Active;
    /// <summary>The stage the deal is in; null once won or lost.</summary>
    public StageRun? Current { get; init; }
    /// <summary>Finished stage runs (approved, or left after a send-back), oldest first.</summary>
    public ImmutableList<StageRun> History { get; init; } = [];
    public ImmutableList<DelayReason> Delays { get; init; } = [];
    public ImmutableList<FollowUp> FollowUps { get; init; } = [];
    /// <summary>Number of events applied; the next event's sequence number is Version + 1.</summary>
    public int Version { get; init; }
    public int SubmissionCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastActivityAt { get; init; }
    public DateTimeOffset? OnHoldSince { get; init; }
    public string? ClosedReason { get; init; }
    public decimal? ContractValue { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsClosed => Status is DealStatus.Won or DealStatus.Lost;
    public IEnumerable<StageRun> AllRuns => Current is null ? History : History.Append(Current);
    public StageRun? RunOf(string stageKey, int run) => AllRuns.FirstOrDefault(r => r.StageKey == stageKey && r.Run == run);
    public DelayReason? Delay(int delayNo) => Delays.FirstOrDefault(d => d.DelayNo == delayNo);
    public DelayReason? LatestDelayFor(StageRun run) => Delays.LastOrDefault(d => d.StageKey == run.StageKey && d.Run == run.Run);
    public DateOnly? NextFollowUpDate => FollowUps.LastOrDefault(f => f.NextStepDate is not null)?.NextStepDate;
    public IReadOnlyDictionary<string, string> PendingValues => Current?.Pending?.Deliverable.Values ?? Deliverable.Empty.Values;
    public int RunCount(string stageKey) => AllRuns.Count(r => r.StageKey == stageKey);

    public static DealState FromEvents(IEnumerable<DealEvent> events)
    {
        DealState? state = null;
        foreach (var e in events) state = Apply(state, e);
        return state ?? throw new InvalidOperationException("A deal needs at least its creation event.");
    }
}
