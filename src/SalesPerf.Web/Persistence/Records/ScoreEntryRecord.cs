using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Web.Persistence.Records;

/// <summary>A line of the score ledger, tied to the deal event that caused it: (DealId, EventSequence, Kind) is its key.</summary>
public sealed class ScoreEntryRecord
{
    public Guid DealId { get; set; }
    public int EventSequence { get; set; }
    public string RepId { get; set; } = "";
    public string StageKey { get; set; } = "";
    public ScoreKind Kind { get; set; }
    public decimal Points { get; set; }
    public string Explanation { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public int? LateDays { get; set; }
    public DelayAttribution? Attribution { get; set; }
    public decimal? RatePerDay { get; set; }

    public static ScoreEntryRecord From(Guid dealId, ScoreEntry e) => new()
    {
        DealId = dealId, EventSequence = e.EventSequence, RepId = e.RepId, StageKey = e.StageKey, Kind = e.Kind, Points = e.Points,
        Explanation = e.Explanation, At = e.At, LateDays = e.LateDays, Attribution = e.Attribution, RatePerDay = e.RatePerDay,
    };
}
