using System.Collections.Immutable;

namespace SalesPerf.Engine.Deals;

public sealed partial record DealState
{
    /// <summary>The fold step: the state after <paramref name="e"/>. Events are facts; nothing is checked here.</summary>
    public static DealState Apply(DealState? state, DealEvent e)
    {
        if (e is DealCreated c)
        {
            return new DealState
            {
                Id = c.DealId, Title = c.Title, Customer = c.Customer, CustomerType = c.CustomerType, RepId = c.RepId,
                FlowDefinitionId = c.FlowDefinitionId, FlowVersion = c.FlowVersion, EstimatedValue = c.EstimatedValue,
                CreatedAt = c.At, LastActivityAt = c.At, Version = 1,
            };
        }
        if (state is null) throw new InvalidOperationException($"The first event of a deal must be its creation, not {e.GetType().Name}.");
        return state.ApplyToExisting(e) with { Version = state.Version + 1, LastActivityAt = e.At };
    }

    private DealState ApplyToExisting(DealEvent e) => e switch
    {
        StageStarted s => this with
        {
            History = Current is null ? History : History.Add(Current),
            Current = new StageRun(s.StageKey, s.Run, s.Schedule),
        },
        FollowUpLogged f => this with
        {
            FollowUps = FollowUps.Add(new FollowUp(f.FollowUpNo, f.VisitedAt, f.Content, f.CustomerNeeds, f.NextStep, f.NextStepDate, f.ActorId)),
        },
        DeliverableSubmitted s => this with
        {
            SubmissionCount = SubmissionCount + 1,
            Current = Current! with
            {
                Status = StageRunStatus.Submitted,
                Pending = new PendingSubmission(s.SubmissionNo, s.At, s.ActorId, s.Deliverable),
                Submissions = Current.Submissions + 1,
            },
        },
        SubmissionApproved a => this with
        {
            Current = Current! with
            {
                Status = StageRunStatus.Approved, Pending = null, ApprovedAt = a.At, LateDays = a.LateDays, ScoredDelayNo = a.DelayNo,
            },
        },
        SubmissionSentBack b => this with
        {
            Current = Current! with
            {
                Status = b.ToStageKey == Current.StageKey ? StageRunStatus.Open : StageRunStatus.SentBack,
                Pending = null,
                LastSendBackComment = b.Comment,
            },
        },
        DelayReasonRecorded d => this with
        {
            Delays = Delays.Add(new DelayReason(d.DelayNo, d.StageKey, d.Run, d.Reason, d.Attribution, d.At, d.ActorId)),
        },
        DelayReclassified r => this with
        {
            Delays = Delays.Select(d => d.DelayNo == r.DelayNo ? d with { Attribution = r.To, DecidedBy = r.ActorId, Reclassified = true } : d).ToImmutableList(),
        },
        DelayConfirmed c => this with
        {
            Delays = Delays.Select(d => d.DelayNo == c.DelayNo ? d with { DecidedBy = c.ActorId } : d).ToImmutableList(),
        },
        SalesPerf.Engine.Flows.Migration.DealMigrated m => ApplyMigration(m),
        ScoreAdjusted => this, // only the score ledger changes
        DueItemsFired f => this with
        {
            Current = Current! with
            {
                Fired = Current.Fired.Union(f.ItemKeys),
                Schedule = f.NextRepeat is null ? Current.Schedule : Current.Schedule with { Items = [.. Current.Schedule.Items, f.NextRepeat] },
            },
        },
        DealWon w => Close(DealStatus.Won, w.Note, w.At) with { ContractValue = w.ContractValue },
        DealLost l => Close(DealStatus.Lost, l.Reason, l.At),
        DealPutOnHold h => this with { Status = DealStatus.OnHold, OnHoldSince = h.At, ClosedReason = h.Reason },
        DealResumed r => this with
        {
            Status = DealStatus.Active,
            OnHoldSince = null,
            ClosedReason = null,
            Current = Current is null || r.Schedule is null ? Current : Current with { Schedule = r.Schedule },
        },
        _ => throw new InvalidOperationException($"Unknown deal event {e.GetType().Name}."),
    };

    private DealState Close(DealStatus status, string? reason, DateTimeOffset at) => this with
    {
        Status = status,
        ClosedReason = reason,
        ClosedAt = at,
        OnHoldSince = null,
        History = Current is null ? History : History.Add(Current),
        Current = null,
    };
}
