using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Evaluation;

/// <summary>A deal's full event list (in sequence order, the first is #1) and its flow, for stage names.</summary>
public sealed record DealHistory(IReadOnlyList<DealEvent> Events, StageFlow? Flow)
{
    /// <summary>True when this deal's win was its customer's first won deal with the company (a new customer); set by the host.</summary>
    public bool FirstWinOfCustomer { get; init; }
}

/// <summary>A line of the score ledger with the deal it belongs to.</summary>
public sealed record LedgerLine(Guid DealId, ScoreEntry Entry);

public enum RatingKind { CustomerFeedback, SolutionQuality }

/// <summary>A manager's 1–5 rating of a rep: customer feedback, or solution quality from the technical team (per deal or overall).</summary>
public sealed record RatingInput(RatingKind Kind, decimal Score, Guid? DealId, DateTimeOffset At, string Comment = "");

public sealed record TrainingInput(string Course, decimal Hours, DateTimeOffset At);

/// <summary>Everything the evaluator needs about one rep. Ratings and trainings outside the period are ignored.</summary>
public sealed record RepInput(
    string RepId,
    string Name,
    IReadOnlyList<DealHistory> Deals,
    IReadOnlyList<LedgerLine> Ledger,
    IReadOnlyList<RatingInput> Ratings,
    IReadOnlyList<TrainingInput> Trainings,
    IReadOnlyList<ManagerComment> Comments)
{
    /// <summary>The rep's approved targets for the period; results are scored as attainment of these.</summary>
    public IReadOnlyList<RepTarget> Targets { get; init; } = [];

    /// <summary>
    /// The part of the period the rep was in this team ([From, To) local dates; null: the whole period). A rep who joined or
    /// moved mid-period is judged only on that part, and only events dated inside it count for this team.
    /// </summary>
    public EvaluationPeriod? Presence { get; init; }

    /// <summary>The rep's questions about lines of this period's evaluation and the answers (printed in the report).</summary>
    public IReadOnlyList<DisputeLine> Disputes { get; init; } = [];
}

public sealed record TeamInput(string TeamName, string? ManagerName, IReadOnlyList<RepInput> Reps);

public sealed record ClosedPeriod(EvaluationPeriod Period, DateTimeOffset ClosedAt);

/// <summary>Admin settings and the company's time zone (periods are local calendar dates).</summary>
public sealed record EvaluationSettings(EvaluationWeights Weights, IReadOnlyList<TrainingSuggestion> Suggestions, TimeZoneInfo Zone)
{
    /// <summary>When the report is made: in a period not yet over, stages not yet due by then are not judged.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>
    /// Closed periods and when they were closed. A fact dated inside a closed period but recorded after it closed (a
    /// back-dated follow-up) never changes that period: it counts as an adjustment in the period it was recorded in.
    /// </summary>
    public IReadOnlyList<ClosedPeriod> Closed { get; init; } = [];

    public static EvaluationSettings Default(TimeZoneInfo zone) => new(EvaluationWeights.Default, [], zone);
}
