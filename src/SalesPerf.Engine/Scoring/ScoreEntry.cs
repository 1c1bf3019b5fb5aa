using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Scoring;

public enum ScoreKind { StageApproved, LateDeduction, AttributionAdjusted, SendBackDeduction, ManualAdjustment }

/// <summary>
/// One line of a rep's score: points added or deducted, the event that caused it, and the numbers behind it,
/// so every total can be explained line by line.
/// </summary>
public sealed record ScoreEntry(
    int EventSequence,
    string RepId,
    string StageKey,
    ScoreKind Kind,
    decimal Points,
    string Explanation,
    DateTimeOffset At,
    int? LateDays = null,
    DelayAttribution? Attribution = null,
    decimal? RatePerDay = null);
