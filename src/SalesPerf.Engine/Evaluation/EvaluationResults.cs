namespace SalesPerf.Engine.Evaluation;

// What an evaluation says about a rep or a team for a period: the contract between the evaluator (which computes it
// from events, the score ledger and manager input) and the PDF reports (which print it). Texts are already in the
// report's language, so the renderer only adds its own headings.

/// <summary>The dates an evaluation covers, [Start, End) in the company's local calendar.</summary>
public sealed record EvaluationPeriod(DateOnly Start, DateOnly End);

/// <summary>
/// Which computation of a period an evaluation is: provisional (computed now), or a closed period's stored snapshot
/// (version 1 when first closed, a higher number after HR reopened and closed it again with a reason).
/// </summary>
public sealed record EvaluationStamp(int Version, DateTimeOffset GeneratedAt, bool Closed, string? ReopenReason = null);

/// <summary>One rep's evaluation for a period.</summary>
public sealed record RepEvaluation(
    string RepId,
    string RepName,
    string TeamName,
    string? ManagerName,
    EvaluationPeriod Period,
    string Language,
    decimal TotalScore,
    decimal TeamAverageTotal,
    int Rank,
    int TeamSize,
    IReadOnlyList<DimensionResult> Dimensions,
    IReadOnlyList<DealTimeline> Deals,
    IReadOnlyList<DelayLine> Delays,
    IReadOnlyList<ManagerComment> Comments,
    IReadOnlyList<TrainingAdvice> Training)
{
    /// <summary>Set by the host: when and as which version this evaluation was made (null: not stamped, e.g. in unit tests).</summary>
    public EvaluationStamp? Stamp { get; init; }

    /// <summary>False when nothing was expected of the rep in the period: no total, no rank, not in the team's averages.</summary>
    public bool Scored { get; init; } = true;

    /// <summary>The part of the period the rep was in the team, when shorter than the period (joined or moved mid-period).</summary>
    public EvaluationPeriod? Presence { get; init; }

    /// <summary>Every point deducted in the period (late days, send-backs, the manager's decisions on delays), line by line.</summary>
    public IReadOnlyList<DeductionLine> Deductions { get; init; } = [];

    public IReadOnlyList<SendBackLine> SendBacks { get; init; } = [];

    /// <summary>The period's follow-ups (the report's appendix).</summary>
    public IReadOnlyList<FollowUpLine> FollowUps { get; init; } = [];

    /// <summary>The rep's targets for the period and how far they got.</summary>
    public IReadOnlyList<TargetLine> Targets { get; init; } = [];

    /// <summary>Open and settled disputes about this period's lines.</summary>
    public IReadOnlyList<DisputeLine> Disputes { get; init; } = [];
}

/// <summary>A rep's question about a line (as it read), and the manager's answer and correction once settled.</summary>
public sealed record DisputeLine(string Subject, string Question, DateTimeOffset AskedAt, bool Settled, string? Answer, string? AnsweredBy,
    DateTimeOffset? AnsweredAt, string? Correction);

/// <summary>
/// One deduction: what it is for (kind: "late", "sendBack", "decision"), the points (negative: deducted; positive: given
/// back by a manager's decision), the rule in words (rate per day by attribution, cap), its inputs (due and submit time to
/// the minute in the company zone, days counted) and the event a reader can look up (deal, event number).
/// </summary>
public sealed record DeductionLine(Guid DealId, string DealTitle, string StageName, string Kind, decimal Points, DateTimeOffset At,
    int EventSequence, string Rule, string Inputs);

/// <summary>A send-back in the period: the manager's comment, how long the rep took to resubmit, and that answer's 0–100 score.</summary>
public sealed record SendBackLine(Guid DealId, string DealTitle, string StageName, int SubmissionNo, DateTimeOffset At, int EventSequence,
    string Comment, DateTimeOffset? AnsweredAt, decimal Days, decimal Score);

public sealed record FollowUpLine(Guid DealId, string DealTitle, string Customer, DateTimeOffset VisitedAt, int EventSequence, string Content)
{
    /// <summary>The closed period the visit was dated in, when it was recorded after that period closed: counted here as an adjustment.</summary>
    public EvaluationPeriod? AdjustmentFor { get; init; }
}

/// <summary>A target for the period (null Target: none set, "not scored"), the actual and the attainment in percent.</summary>
public sealed record TargetLine(string Metric, string Name, decimal? Target, decimal Actual, decimal? AttainmentPercent, string Source);

/// <summary>A dimension (result, process, ability, attitude/growth): its weight (percent of the total, 30 = 30%), 0–100 score and the team's average.</summary>
public sealed record DimensionResult(
    string Key,
    string Name,
    decimal Weight,
    decimal Score,
    decimal TeamAverage,
    IReadOnlyList<IndicatorResult> Indicators)
{
    /// <summary>False when none of its indicators had anything to count (e.g. no ratings): its weight goes to the other dimensions.</summary>
    public bool Scored { get; init; } = true;

    /// <summary>False when no rep of the team was scored on it: there is no team average (it prints as "—", not 0).</summary>
    public bool TeamScored { get; init; } = true;
}

/// <summary>
/// One indicator (e.g. on-time rate): its weight (percent of its dimension, 25 = 25%), the raw figure, how it prints ("12 / 15, 80%"), its 0–100 score, the team's
/// average score, and in words how it was computed from events, for the reader who asks.
/// </summary>
public sealed record IndicatorResult(
    string Key,
    string Name,
    decimal Weight,
    decimal Value,
    string DisplayValue,
    decimal Score,
    decimal TeamAverageScore,
    string HowComputed)
{
    /// <summary>False when there was nothing to count (e.g. no send-backs): shown as "—", its weight goes to the dimension's other indicators.</summary>
    public bool Scored { get; init; } = true;

    /// <summary>False when no rep of the team was scored on it: there is no team average (it prints as "—", not 0).</summary>
    public bool TeamScored { get; init; } = true;
}

/// <summary>A deal the rep worked on in the period, with its stages in order.</summary>
public sealed record DealTimeline(Guid DealId, string Title, string Customer, string Status, IReadOnlyList<StageSpan> Stages);

public enum StageOutcome { InProgress, ApprovedOnTime, ApprovedLate, SentBack, Abandoned }

/// <summary>One run of a stage: when it started and ended, its due time, how it ended and how often it was sent back.</summary>
public sealed record StageSpan(
    string StageKey,
    string StageName,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    DateTimeOffset? Due,
    StageOutcome Outcome,
    int Revisions);

/// <summary>
/// A late stage: the reason the rep gave, the attribution (after any manager re-classification), the points
/// deducted per the score ledger, and whether it counted against the rep (customer-caused delays do not).
/// </summary>
public sealed record DelayLine(
    Guid DealId,
    string DealTitle,
    string StageName,
    int LateDays,
    string Reason,
    string AttributionKey,
    string Attribution,
    decimal Deduction,
    bool CountsAgainstRep,
    DateTimeOffset At)
{
    public DateTimeOffset? Due { get; init; }
    /// <summary>When the late submission was handed in (null: the stage was still open at the period end).</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>"claimed" (awaiting the manager), "confirmed" or "reclassified".</summary>
    public string DecisionKey { get; init; } = "claimed";
    /// <summary>The attribution the rep claimed, the manager's decision and comment, in words.</summary>
    public string Decision { get; init; } = "";
    /// <summary>The rule: rate per late day for the counted attribution and the stage's cap, in words.</summary>
    public string Rule { get; init; } = "";
    public int? EventSequence { get; init; }
}

public sealed record ManagerComment(string Author, DateTimeOffset At, string Text);

/// <summary>A training suggested because an indicator fell short.</summary>
public sealed record TrainingAdvice(string IndicatorName, string Title, string Detail);

/// <summary>A team's evaluations for a period, reps ranked by total score (best first).</summary>
public sealed record TeamEvaluation(
    string TeamName,
    string? ManagerName,
    EvaluationPeriod Period,
    string Language,
    IReadOnlyList<RepEvaluation> Reps)
{
    public EvaluationStamp? Stamp { get; init; }
}
