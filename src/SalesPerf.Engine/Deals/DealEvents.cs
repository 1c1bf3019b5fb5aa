using System.Text.Json.Serialization;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Deals;

/// <summary>Something that happened to a deal. A deal's state is the fold of its events.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DealCreated), "created")]
[JsonDerivedType(typeof(StageStarted), "stageStarted")]
[JsonDerivedType(typeof(FollowUpLogged), "followUpLogged")]
[JsonDerivedType(typeof(DeliverableSubmitted), "submitted")]
[JsonDerivedType(typeof(SubmissionApproved), "approved")]
[JsonDerivedType(typeof(SubmissionSentBack), "sentBack")]
[JsonDerivedType(typeof(DelayReasonRecorded), "delayRecorded")]
[JsonDerivedType(typeof(DelayReclassified), "delayReclassified")]
[JsonDerivedType(typeof(DelayConfirmed), "delayConfirmed")]
[JsonDerivedType(typeof(ScoreAdjusted), "scoreAdjusted")]
[JsonDerivedType(typeof(DealWon), "won")]
[JsonDerivedType(typeof(DealLost), "lost")]
[JsonDerivedType(typeof(DealPutOnHold), "onHold")]
[JsonDerivedType(typeof(DealResumed), "resumed")]
[JsonDerivedType(typeof(DueItemsFired), "dueFired")]
[JsonDerivedType(typeof(SalesPerf.Engine.Flows.Migration.DealMigrated), "migrated")]
public abstract record DealEvent
{
    public required DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
}

public sealed record DealCreated(Guid DealId, string Title, string Customer, string CustomerType, string RepId,
    string FlowDefinitionId, int FlowVersion, decimal? EstimatedValue) : DealEvent;

public enum StageStartReason { DealCreated, PreviousApproved, SentBack }

public sealed record StageStarted(string StageKey, int Run, StageStartReason Reason, StageSchedule Schedule) : DealEvent;

public sealed record FollowUpLogged(int FollowUpNo, DateTimeOffset VisitedAt, string Content, string? CustomerNeeds,
    string? NextStep, DateOnly? NextStepDate) : DealEvent;

public sealed record SubmittedFile(string FieldKey, string FileName, string StoredName, long SizeBytes, string ContentType);

/// <summary>What a rep hands in for a stage: field values, ticked checklist items, uploaded files.</summary>
public sealed record Deliverable(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Checked,
    IReadOnlyList<SubmittedFile> Files)
{
    public static readonly Deliverable Empty = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), []);
}

public sealed record DeliverableSubmitted(string StageKey, int SubmissionNo, Deliverable Deliverable) : DealEvent;

public sealed record SubmissionApproved(string StageKey, int SubmissionNo, string? Comment, int LateDays,
    DelayAttribution? Attribution, int? DelayNo) : DealEvent;

public sealed record SubmissionSentBack(string StageKey, int SubmissionNo, string Comment, string ToStageKey) : DealEvent;

public sealed record DelayReasonRecorded(int DelayNo, string StageKey, int Run, string Reason, DelayAttribution Attribution) : DealEvent;

/// <summary>The manager decided a delay was caused by someone else than the rep claimed (also a decision: see <see cref="DelayConfirmed"/>).</summary>
public sealed record DelayReclassified(int DelayNo, DelayAttribution From, DelayAttribution To, string? Comment) : DealEvent;

/// <summary>
/// The manager confirmed the attribution the rep claimed. Until a manager confirms or re-classifies it, a delay reason
/// is a claim and scores as rep-caused; a confirmed customer-caused delay stops the stage's clock.
/// </summary>
public sealed record DelayConfirmed(int DelayNo, DelayAttribution Attribution, string? Comment) : DealEvent;

/// <summary>
/// A manager's correction of the rep's score on this deal, with the reason (e.g. answering a dispute): an adjustment line
/// in the ledger, counted with the deductions of the period it was made in. <paramref name="Reference"/> says what it answers.
/// </summary>
public sealed record ScoreAdjusted(decimal Points, string Reason, string? Reference) : DealEvent;

public sealed record DealWon(decimal? ContractValue, string? Note) : DealEvent;

public sealed record DealLost(string Reason) : DealEvent;

public sealed record DealPutOnHold(string Reason) : DealEvent;

/// <summary>
/// Due items of the current stage run that the sweeper handled (several after downtime: it sends one current
/// notice, not a flood). <see cref="NextRepeat"/> is the next overdue reminder, scheduled while the stage stays late.
/// </summary>
public sealed record DueItemsFired(string StageKey, int Run, IReadOnlyList<string> ItemKeys, DueItem? NextRepeat) : DealEvent;

/// <summary>Resuming moves the current stage's due times later by the time spent on hold.</summary>
public sealed record DealResumed(StageSchedule? Schedule) : DealEvent;
