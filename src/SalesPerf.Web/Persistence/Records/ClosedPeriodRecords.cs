namespace SalesPerf.Web.Persistence.Records;

/// <summary>
/// One closed version of an evaluation period. Closing a period the first time makes version 1; HR may reopen the current
/// version with a reason (it stays readable) and closing again makes the next version. At most one version of a period
/// is open for closing at a time: the unique (Start, End, Version) index makes a second close of the same version fail.
/// </summary>
public sealed class ClosedPeriodRecord
{
    public Guid Id { get; set; }
    /// <summary>"month", "quarter" or "year".</summary>
    public string Kind { get; set; } = "";
    public DateOnly Start { get; set; }
    /// <summary>The day after the period's last day (as <c>EvaluationPeriod.End</c>).</summary>
    public DateOnly End { get; set; }
    public int Version { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
    /// <summary>The user who closed it, or "system" for the schedule.</summary>
    public string ClosedById { get; set; } = "";
    public string ClosedByName { get; set; } = "";
    public DateTimeOffset? ReopenedAt { get; set; }
    public string? ReopenedById { get; set; }
    public string? ReopenedByName { get; set; }
    public string? ReopenReason { get; set; }
}

/// <summary>
/// The stored evaluation of one team (or one rep without a team) for a closed period's version, in one language: the
/// <c>TeamEvaluation</c> as JSON, exactly as it was computed and stamped at close time. Never updated.
/// </summary>
public sealed class ClosedPeriodSnapshotRecord
{
    public Guid Id { get; set; }
    public Guid ClosedPeriodId { get; set; }
    /// <summary>"team:{id}" or "rep:{id}" (a rep without a team).</summary>
    public string Subject { get; set; } = "";
    /// <summary>"zh-CN" or "en".</summary>
    public string Language { get; set; } = "";
    public string Json { get; set; } = "";
}

/// <summary>Which snapshot holds a rep's evaluation of a closed period's version (the team the rep was in at close time).</summary>
public sealed class ClosedPeriodRepRecord
{
    public Guid ClosedPeriodId { get; set; }
    public string RepId { get; set; } = "";
    public string Subject { get; set; } = "";
}
