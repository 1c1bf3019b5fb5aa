using System.Text.Json;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scheduling;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Deals;

public sealed record StageName(string Zh, string En);

public sealed record DealSummary(
    Guid Id, string Title, string Customer, string CustomerType, string RepId, string? RepName,
    DealStatus Status, string? StageKey, StageName? Stage, StageRunStatus? StageStatus,
    DateTimeOffset? DueAt, bool Overdue, bool DueSoon, int? PendingSubmissionNo,
    string FlowDefinitionId, int FlowVersion, decimal? EstimatedValue, decimal? ContractValue,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, DateOnly? NextFollowUpDate);

public sealed record StageStep(string Key, StageName Name, string State, int? Points);

public sealed record FieldView(string Key, StageName Label, FieldType Type, bool Required, int? MinLength, decimal? Min, decimal? Max,
    string? Unit, IReadOnlyList<LocalizedOption> Options, IReadOnlyList<string> FileTypes, string? Template, StageName? Help);

public sealed record CurrentStageView(
    string Key, StageName Name, StageName Guidance, int Run, StageRunStatus Status, DateTimeOffset StartedAt, DateTimeOffset DueAt,
    int? PendingSubmissionNo, string? LastSendBackComment, IReadOnlyList<FieldView> Criteria, IReadOnlyList<DueItem> Schedule,
    IReadOnlyList<string> SendBackTargets, bool DelayReasonRequired);

public sealed record DealDetail(
    DealSummary Summary, IReadOnlyList<StageStep> Stages, CurrentStageView? Current,
    IReadOnlyList<DelayReason> Delays, IReadOnlyList<FollowUp> FollowUps, string? ClosedReason, DateTimeOffset? OnHoldSince);

public sealed record DealEventView(int Sequence, string Type, DateTimeOffset At, string ActorId, string? ActorName, JsonElement Data);

public sealed record ScoreLine(Guid DealId, int EventSequence, string StageKey, string Kind, decimal Points, string Explanation,
    DateTimeOffset At, int? LateDays, DelayAttribution? Attribution, decimal? RatePerDay);

/// <summary>Maps rows and states to what the API and pages show.</summary>
public static class DealViews
{
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(2);

    public static StageName Name(LocalizedText t) => new(t.Zh, t.En);

    public static DealSummary Summary(DealRecord d, StageFlow? flow, string? repName, DateTimeOffset now)
    {
        var open = d.Status == DealStatus.Active && d.CurrentStageStatus == StageRunStatus.Open;
        return new DealSummary(d.Id, d.Title, d.Customer, d.CustomerType, d.RepId, repName, d.Status, d.CurrentStageKey,
            flow?.Find(d.CurrentStageKey) is { } s ? Name(s.Name) : null, d.CurrentStageStatus, d.CurrentDueAt,
            open && d.CurrentDueAt < now, open && d.CurrentDueAt >= now && d.CurrentDueAt < now + DueSoonWindow,
            d.PendingSubmissionNo, d.FlowDefinitionId, d.FlowVersion, d.EstimatedValue, d.ContractValue, d.CreatedAt, d.LastActivityAt, d.NextFollowUpDate);
    }

    public static DealDetail Detail(DealState s, StageFlow flow, string? repName, DateTimeOffset now)
    {
        var row = new DealRecord();
        row.CopyFrom(s);
        var approved = s.AllRuns.Where(r => r.Status == StageRunStatus.Approved).Select(r => r.StageKey).ToHashSet();
        var steps = flow.Stages.Select(st => new StageStep(st.Key, Name(st.Name),
            s.Current?.StageKey == st.Key ? "current" : approved.Contains(st.Key) ? "done" : "upcoming",
            (int)st.Scoring.PointsOnApproval)).ToList();
        CurrentStageView? current = null;
        if (s.Current is { } run && flow.Find(run.StageKey) is { } stage)
            current = new CurrentStageView(stage.Key, Name(stage.Name), Name(stage.Guidance), run.Run, run.Status, run.Schedule.StartedAt,
                run.Schedule.DueAt, run.Pending?.SubmissionNo, run.LastSendBackComment,
                stage.Criteria.Select(Field).ToList(), run.Schedule.Items, stage.SendBackTargets,
                run.IsOverdueAt(now) && s.LatestDelayFor(run) is null);
        return new DealDetail(Summary(row, flow, repName, now), steps, current, s.Delays, s.FollowUps, s.ClosedReason, s.OnHoldSince);
    }

    private static FieldView Field(CompletionField f) => new(f.Key, Name(f.Label), f.Type, f.Required, f.MinLength, f.Min, f.Max, f.Unit,
        f.Options, f.AllowedFileTypes, f.Template, f.Help is null ? null : Name(f.Help));

    public static ScoreLine Line(ScoreEntryRecord e) => new(e.DealId, e.EventSequence, e.StageKey, e.Kind.ToString(), e.Points,
        e.Explanation, e.At, e.LateDays, e.Attribution, e.RatePerDay);
}
