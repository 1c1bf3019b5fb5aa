namespace SalesPerf.Engine.Evaluation;

/// <summary>How a stage run counts for "stage completion" in a period.</summary>
public enum CompletionCount { NotCounted, ClockStopped, Open, Done }

/// <summary>
/// The definitions of the stage indicators, in one place for the evaluation and the dashboards (which hold the runs in
/// different shapes). Instants; [from, to) is the period, <c>judgedUntil</c> the report time when the period is not over.
/// </summary>
public static class IndicatorRules
{
    /// <summary>
    /// Completion: a run due in the period (and already due) or approved in it counts; it is done when approved in the
    /// period. Runs approved before the period, or ended without approval (sent back, migrated, the deal closed) before
    /// its end, do not count; nor does a run waiting on the customer (confirmed) or on hold when it fell due.
    /// </summary>
    public static CompletionCount Completion(DateTimeOffset due, DateTimeOffset? approvedAt, DateTimeOffset? endedUnapprovedAt, bool clockStopped,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset judgedUntil)
    {
        var approvedIn = approvedAt >= from && approvedAt < to;
        var relevant = ((due >= from && due < to && due < judgedUntil) || approvedIn) && !(approvedAt < from) && !(endedUnapprovedAt < to);
        if (!relevant) return CompletionCount.NotCounted;
        if (approvedIn) return CompletionCount.Done;
        return clockStopped ? CompletionCount.ClockStopped : CompletionCount.Open;
    }

    /// <summary>On-time: of the runs approved in the period, those with no late day; a late one the manager confirmed as a customer-caused wait is left out.</summary>
    public static bool? OnTime(DateTimeOffset? approvedAt, int lateDays, bool customerWait, DateTimeOffset from, DateTimeOffset to) =>
        approvedAt >= from && approvedAt < to && !(lateDays > 0 && customerWait) ? lateDays == 0 : null;
}
