namespace SalesPerf.Engine.Flows;

/// <summary>When reminders go out, relative to the stage's due time, and when lateness is escalated.</summary>
public sealed record ReminderSchedule(
    IReadOnlyList<FlowDuration> Offsets,
    FlowDuration? RepeatWhileOverdue,
    FlowDuration? EscalateAfterOverdue)
{
    public static readonly ReminderSchedule None = new([], null, null);
}

public enum ApproverKind { RepManager, Role, None }

/// <summary>Who approves a stage's submission.</summary>
public sealed record ApprovalRule(ApproverKind Kind, string? Role = null)
{
    public static readonly ApprovalRule RepManager = new(ApproverKind.RepManager);
    public bool IsRequired => Kind != ApproverKind.None;
}

public enum DelayAttribution { Rep, Customer, Other }

/// <summary>Points for an approved stage and deductions per late day, by who caused the delay.</summary>
public sealed record ScoringRule(
    decimal PointsOnApproval,
    decimal DeductionPerLateDayRep,
    decimal DeductionPerLateDayCustomer,
    decimal DeductionPerLateDayOther,
    decimal DeductionCap)
{
    public static readonly ScoringRule Default = new(10, 2, 0, 1, 10);

    /// <summary>Points a send-back of the stage's submission costs the rep (each one, its own line).</summary>
    public decimal DeductionPerSendBack { get; init; } = DefaultDeductionPerSendBack;
    public const decimal DefaultDeductionPerSendBack = 2;

    public decimal RateFor(DelayAttribution attribution) => attribution switch
    {
        DelayAttribution.Rep => DeductionPerLateDayRep,
        DelayAttribution.Customer => DeductionPerLateDayCustomer,
        _ => DeductionPerLateDayOther,
    };

    public decimal DeductionFor(int lateDays, DelayAttribution attribution) =>
        lateDays <= 0 ? 0 : Math.Min(DeductionCap, lateDays * RateFor(attribution));
}
