namespace SalesPerf.Web.Targets;

/// <summary>
/// One target: a company's, a team's or a rep's value on a metric (<see cref="Engine.Evaluation.TargetMetrics"/> keys)
/// for a calendar period (month, quarter or year in the company's time zone, by its first day).
/// </summary>
public sealed class TargetRecord
{
    public Guid Id { get; set; }
    /// <summary><see cref="TargetLevels"/>: company, team or rep.</summary>
    public string Level { get; set; } = "";
    /// <summary>"company" for the company, the team's id ("D" format) for a team, the user's id for a rep.</summary>
    public string OwnerId { get; set; } = "";
    public string Metric { get; set; } = "";
    /// <summary><see cref="TargetPeriodKinds"/>: month, quarter or year.</summary>
    public string PeriodKind { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    /// <summary>The current value: the one in force from the latest change's effective date (or the draft's).</summary>
    public decimal Value { get; set; }
    /// <summary><see cref="TargetStatuses"/>.</summary>
    public string Status { get; set; } = TargetStatuses.Draft;
    /// <summary>Approved targets are locked: a change then needs a reason and an effective-from date (or an approved proposal).</summary>
    public bool Locked { get; set; }
    public string? ApprovedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Every change of a target: who, when, old and new value, why, and the day it applies from. Entries with
/// <see cref="InForce"/> set define the approved value over time (the evaluation reads them); drafts' edits do not.
/// </summary>
public sealed class TargetChangeRecord
{
    public Guid Id { get; set; }
    public Guid TargetId { get; set; }
    /// <summary><see cref="TargetActions"/>.</summary>
    public string Action { get; set; } = "";
    public string ById { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public decimal? OldValue { get; set; }
    public decimal NewValue { get; set; }
    public string Comment { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public bool InForce { get; set; }
}

/// <summary>A rep's proposed change of their own target, and the manager's decision on it.</summary>
public sealed class TargetProposalRecord
{
    public Guid Id { get; set; }
    public Guid TargetId { get; set; }
    public decimal CurrentValue { get; set; }
    public decimal ProposedValue { get; set; }
    public string Comment { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string ProposedById { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    /// <summary>pending, approved or rejected.</summary>
    public string Status { get; set; } = ProposalStatuses.Pending;
    /// <summary>The target's status before the proposal (restored, or "rejected" for a never-approved target, on rejection).</summary>
    public string PriorStatus { get; set; } = "";
    public string? DecidedById { get; set; }
    public string? DecisionComment { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public static class TargetLevels
{
    public const string Company = "company";
    public const string Team = "team";
    public const string Rep = "rep";
    public const string CompanyOwner = "company";
}

public static class TargetStatuses
{
    public const string Draft = "draft";
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

public static class ProposalStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

public static class TargetActions
{
    public const string Set = "set";
    public const string SplitEvenly = "split-even";
    public const string SplitByWeight = "split-weight";
    public const string Approve = "approve";
    public const string Propose = "propose";
    public const string ApproveProposal = "approve-proposal";
    public const string RejectProposal = "reject-proposal";
    public const string Edit = "edit";
}
