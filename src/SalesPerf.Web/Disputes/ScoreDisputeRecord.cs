namespace SalesPerf.Web.Disputes;

/// <summary>
/// A rep's question about one line of their evaluation (an indicator, a deduction, a late stage, the total) for a period,
/// and the manager's answer with the correction made, if any (a re-classification or an adjustment line, done through
/// the normal deal commands so the ledger and the events tell the same story).
/// </summary>
public sealed class ScoreDisputeRecord
{
    public Guid Id { get; set; }
    public string RepId { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>"indicator", "deduction", "delay" or "total".</summary>
    public string SubjectKind { get; set; } = "";
    /// <summary>The indicator key, or "deal:{id}:{event}" for a deduction or a late stage.</summary>
    public string SubjectKey { get; set; } = "";
    public Guid? DealId { get; set; }
    public int? EventSequence { get; set; }
    /// <summary>The line as the rep saw it when asking (it may change later).</summary>
    public string SubjectText { get; set; } = "";
    public string Question { get; set; } = "";
    public string AskedById { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    /// <summary>"open" or "answered".</summary>
    public string Status { get; set; } = DisputeStatus.Open;
    public string? Answer { get; set; }
    public string? AnsweredById { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>What the manager changed, in words ("+4 points on 'Grid upgrade'", "delay #2 re-classified as customer-caused").</summary>
    public string? Correction { get; set; }
}

public static class DisputeStatus
{
    public const string Open = "open";
    public const string Answered = "answered";
}
