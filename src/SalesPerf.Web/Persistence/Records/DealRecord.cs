using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Persistence.Records;

/// <summary>
/// A deal's row: the columns lists and boards filter and sort on. It is a projection of the deal's events,
/// rewritten with every transition; <see cref="Version"/> guards against two writers at once.
/// </summary>
public sealed class DealRecord
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Customer { get; set; } = "";
    public string CustomerType { get; set; } = "";
    public string RepId { get; set; } = "";
    public string FlowDefinitionId { get; set; } = "";
    public int FlowVersion { get; set; }
    public DealStatus Status { get; set; }
    public string? CurrentStageKey { get; set; }
    public StageRunStatus? CurrentStageStatus { get; set; }
    public DateTimeOffset? CurrentDueAt { get; set; }
    /// <summary>When the next reminder, deadline notice or escalation is due: sweepers ask "NextDueAt ≤ now".</summary>
    public DateTimeOffset? NextDueAt { get; set; }
    public int? PendingSubmissionNo { get; set; }
    public decimal? EstimatedValue { get; set; }
    public decimal? ContractValue { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateOnly? NextFollowUpDate { get; set; }
    public int FollowUpCount { get; set; }
    /// <summary>Number of events; the concurrency token.</summary>
    public int Version { get; set; }

    public void CopyFrom(DealState s)
    {
        Id = s.Id; Title = s.Title; Customer = s.Customer; CustomerType = s.CustomerType; RepId = s.RepId;
        FlowDefinitionId = s.FlowDefinitionId; FlowVersion = s.FlowVersion; Status = s.Status;
        CurrentStageKey = s.Current?.StageKey; CurrentStageStatus = s.Current?.Status; CurrentDueAt = s.Current?.Schedule.DueAt;
        NextDueAt = DealTransition.NextDue(s)?.DueAt;
        PendingSubmissionNo = s.Current?.Pending?.SubmissionNo; EstimatedValue = s.EstimatedValue; ContractValue = s.ContractValue;
        CreatedAt = s.CreatedAt; LastActivityAt = s.LastActivityAt; ClosedAt = s.ClosedAt;
        NextFollowUpDate = s.NextFollowUpDate; FollowUpCount = s.FollowUps.Count; Version = s.Version;
    }
}
