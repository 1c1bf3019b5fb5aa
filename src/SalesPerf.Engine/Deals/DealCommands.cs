using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Deals;

/// <summary>Something a person asks to do with a deal. The decider checks it and answers with events or an error.</summary>
public abstract record DealCommand;

public sealed record CreateDeal(Guid DealId, string Title, string Customer, string CustomerType, string RepId, decimal? EstimatedValue) : DealCommand;
public sealed record LogFollowUp(DateTimeOffset VisitedAt, string Content, string? CustomerNeeds, string? NextStep, DateOnly? NextStepDate) : DealCommand;
public sealed record SubmitDeliverable(string StageKey, Deliverable Deliverable) : DealCommand;
public sealed record ApproveSubmission(int SubmissionNo, string? Comment) : DealCommand;
/// <param name="ToStageKey">null sends it back to the same stage for a resubmission</param>
public sealed record SendBackSubmission(int SubmissionNo, string Comment, string? ToStageKey) : DealCommand;
public sealed record RecordDelayReason(string Reason, DelayAttribution Attribution) : DealCommand;
/// <summary>The manager's decision on a delay's attribution: the claimed one confirms it, another re-classifies it.</summary>
public sealed record ReclassifyDelay(int DelayNo, DelayAttribution Attribution, string? Comment) : DealCommand;
/// <summary>A manager corrects the rep's score on the deal by some points, with a reason; allowed on closed deals too.</summary>
public sealed record AdjustScore(decimal Points, string Reason, string? Reference) : DealCommand;
public sealed record WinDeal(decimal? ContractValue, string? Note) : DealCommand;
public sealed record LoseDeal(string Reason) : DealCommand;
public sealed record HoldDeal(string Reason) : DealCommand;
public sealed record ResumeDeal : DealCommand;
/// <summary>The due-work sweeper records the due items of the current stage run it handled (actor with the system role).</summary>
public sealed record RecordDueItemsFired(string StageKey, int Run, IReadOnlyList<string> ItemKeys) : DealCommand;

/// <summary>Who is acting, as the host knows them: their roles and their relation to the deal's rep.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles, bool IsOwner, bool IsOwnersManager)
{
    public const string RepRole = "rep";
    public const string ManagerRole = "manager";
    public const string AdminRole = "admin";
    public const string SystemRole = "system";

    public bool IsAdmin => Roles.Contains(AdminRole);
    public bool CanManage => IsOwnersManager || IsAdmin;
    public bool IsSystem => Roles.Contains(SystemRole);
    public bool CanWorkOn => IsOwner || CanManage || IsSystem;
}
