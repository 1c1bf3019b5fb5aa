using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Projections;

/// <summary>One run of a stage as the events tell it (all of the deal's events, so later re-classifications count).</summary>
public sealed class RunFacts
{
    public required string StageKey { get; init; }
    public required int Run { get; init; }
    public required DateTimeOffset Started { get; init; }
    /// <summary>When the stage's schedule (deadline, reminders) started counting.</summary>
    public required DateTimeOffset ScheduleStart { get; init; }
    /// <summary>When a manager sent this run's submissions back (to this stage or an earlier one): each is a revision.</summary>
    public List<DateTimeOffset> SentBackAt { get; } = [];
    /// <summary>True when the run ended because an admin migrated the deal to another stage of a new flow version.</summary>
    public bool MigratedAway { get; set; }
    public DateTimeOffset Due { get; set; }
    public DateTimeOffset? Ended { get; set; }
    public StageOutcome Outcome { get; set; } = StageOutcome.InProgress;
    /// <summary>Send-backs to the same stage for a resubmission.</summary>
    public int Resubmissions { get; set; }
    public int LateDays { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public int? ApprovalSequence { get; set; }
    public int? ScoredDelayNo { get; set; }
    public DelayAttribution? ApprovalAttribution { get; set; }
    /// <summary>When the approved (or last) submission was handed in.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public bool ApprovedIn(DateTimeOffset from, DateTimeOffset to) => ApprovedAt is { } a && a >= from && a < to;
    /// <summary>Revisions of the stage's work: resubmissions after a send-back plus earlier runs of the same stage.</summary>
    public int Revisions => Resubmissions + (Run - 1);
}

/// <summary>
/// A delay reason: the rep's claim, and the manager's decision if there is one (confirmed, or re-classified to another
/// attribution). Undecided claims count as rep-caused (<see cref="Counted"/>).
/// </summary>
public sealed record DelayFacts(int DelayNo, string StageKey, int Run, string Reason, DelayAttribution Claimed, DelayAttribution Attribution,
    DateTimeOffset At, int Sequence)
{
    public DateTimeOffset? DecidedAt { get; init; }
    public int? DecidedSequence { get; init; }
    public bool Reclassified { get; init; }
    public string? DecisionComment { get; init; }
    public bool Decided => DecidedAt is not null;
    public DelayAttribution Counted => Decided ? Attribution : DelayAttribution.Rep;
    /// <summary>A customer-caused wait the manager confirmed: it stops the stage's clock.</summary>
    public bool IsConfirmedCustomerWait => Decided && Attribution == DelayAttribution.Customer;
}

/// <summary>A send-back: when, of which stage and submission, the manager's comment, and when the rep answered with a new submission.</summary>
public sealed record SendBackFacts(DateTimeOffset At, int Sequence, string StageKey, int SubmissionNo, string Comment, DateTimeOffset? AnsweredAt);

/// <summary>A follow-up: when the visit was (as the rep entered it) and when it was recorded.</summary>
public sealed record FollowUpFacts(DateTimeOffset VisitedAt, int Sequence, string Content, string? StageKey)
{
    public DateTimeOffset RecordedAt { get; init; } = VisitedAt;
}

/// <summary>
/// The one projection of a deal's events: its stage runs (started, due, submitted, approved, late days, revisions, how
/// they ended), delay reasons with the manager's decisions, follow-ups, send-backs, holds and how it closed. The
/// evaluation reads it directly; the dashboards keep its compact <see cref="Dashboards.DealFacts"/> view.
/// (<see cref="Deals.DealState"/> is the decider's own fold: what a command may do next, not what happened when.)
/// </summary>
public sealed class DealProjection
{
    public required Guid DealId { get; init; }
    public required string Title { get; init; }
    public required string Customer { get; init; }
    public required StageFlow? Flow { get; init; }
    public List<RunFacts> Runs { get; } = [];
    public Dictionary<int, DelayFacts> Delays { get; } = [];
    public List<FollowUpFacts> FollowUps { get; } = [];
    public decimal? EstimatedValue { get; init; }
    /// <summary>Periods the deal was on hold [From, To); To is null while it still is.</summary>
    public List<(DateTimeOffset From, DateTimeOffset? To)> Holds { get; } = [];
    public List<SendBackFacts> SendBacks { get; } = [];
    /// <summary>Managers' score corrections: event number, points, reason, what they answer.</summary>
    public List<(int Sequence, decimal Points, string Reason, string? Reference)> Adjustments { get; } = [];
    public List<(DateTimeOffset At, DealStatus Status)> StatusChanges { get; } = [];
    public DateTimeOffset? WonAt { get; private set; }
    public decimal? WonValue { get; private set; }
    /// <summary>Times of events a person caused (not the reminder sweeper's), to tell which deals were worked on.</summary>
    public List<DateTimeOffset> Activity { get; } = [];
    public bool FirstWinOfCustomer { get; init; }

    public string StageName(string key, string language) => Flow?.Find(key)?.Name.For(language) ?? key;

    public DealStatus StatusAt(DateTimeOffset t)
    {
        var status = DealStatus.Active;
        foreach (var change in StatusChanges.Where(s => s.At < t)) status = change.Status;
        return status;
    }

    /// <summary>The attribution a run's lateness counts with now: the manager's decision on its delay reason, else rep-caused.</summary>
    public DelayAttribution AttributionOf(RunFacts run) => DelayOf(run)?.Counted ?? DelayAttribution.Rep;

    /// <summary>True when the run's delay reason is a customer-caused wait the manager confirmed: its clock stopped.</summary>
    public bool IsCustomerWait(RunFacts run) => DelayOf(run)?.IsConfirmedCustomerWait == true;

    public bool OnHoldAt(DateTimeOffset t) => Holds.Any(h => h.From <= t && (h.To is null || h.To > t));

    /// <summary>The run the deal was in at <paramref name="t"/> (none before it started, after it closed, or between runs).</summary>
    public RunFacts? RunAt(DateTimeOffset t) => Runs.LastOrDefault(r => r.Started <= t && (r.Ended is null || r.Ended > t));

    public DelayFacts? DelayOf(RunFacts run) =>
        run.ScoredDelayNo is { } no && Delays.TryGetValue(no, out var d) ? d
            : Delays.Values.LastOrDefault(d => d.StageKey == run.StageKey && d.Run == run.Run);

    public static DealProjection From(DealHistory history)
    {
        var created = history.Events.OfType<DealCreated>().FirstOrDefault()
                      ?? throw new ArgumentException("A deal's history starts with its creation event.", nameof(history));
        var r = new DealProjection
        {
            DealId = created.DealId, Title = created.Title, Customer = created.Customer, Flow = history.Flow,
            EstimatedValue = created.EstimatedValue, FirstWinOfCustomer = history.FirstWinOfCustomer,
        };
        RunFacts? current = null;
        SendBackFacts? open = null;
        var seq = 0;
        foreach (var e in history.Events)
        {
            seq++;
            if (e is not DueItemsFired) r.Activity.Add(e.At);
            switch (e)
            {
                case StageStarted s:
                    if (current is { Outcome: StageOutcome.InProgress }) { current.Outcome = StageOutcome.SentBack; current.Ended = s.At; }
                    current = new RunFacts { StageKey = s.StageKey, Run = s.Run, Started = s.At, ScheduleStart = s.Schedule.StartedAt, Due = s.Schedule.DueAt };
                    r.Runs.Add(current);
                    break;
                case FollowUpLogged f:
                    r.FollowUps.Add(new FollowUpFacts(f.VisitedAt, seq, f.Content, current?.StageKey) { RecordedAt = f.At });
                    break;
                case DeliverableSubmitted:
                    if (open is not null) { r.SendBacks[r.SendBacks.Count - 1] = open with { AnsweredAt = e.At }; open = null; }
                    if (current is not null) current.SubmittedAt = e.At;
                    break;
                case SubmissionApproved a when current is not null:
                    current.Outcome = a.LateDays > 0 ? StageOutcome.ApprovedLate : StageOutcome.ApprovedOnTime;
                    current.Ended = current.ApprovedAt = a.At;
                    current.LateDays = a.LateDays;
                    current.ApprovalSequence = seq;
                    current.ScoredDelayNo = a.DelayNo;
                    current.ApprovalAttribution = a.Attribution;
                    break;
                case SubmissionSentBack b when current is not null:
                    if (b.ToStageKey == current.StageKey) current.Resubmissions++;
                    current.SentBackAt.Add(b.At);
                    open = new SendBackFacts(b.At, seq, b.StageKey, b.SubmissionNo, b.Comment, null);
                    r.SendBacks.Add(open);
                    break;
                case DelayReasonRecorded d:
                    r.Delays[d.DelayNo] = new DelayFacts(d.DelayNo, d.StageKey, d.Run, d.Reason, d.Attribution, d.Attribution, d.At, seq);
                    break;
                case DelayReclassified c when r.Delays.TryGetValue(c.DelayNo, out var delay):
                    r.Delays[c.DelayNo] = delay with { Attribution = c.To, DecidedAt = c.At, DecidedSequence = seq, Reclassified = true, DecisionComment = c.Comment };
                    break;
                case DelayConfirmed c when r.Delays.TryGetValue(c.DelayNo, out var delay):
                    r.Delays[c.DelayNo] = delay with { DecidedAt = c.At, DecidedSequence = seq, DecisionComment = c.Comment };
                    break;
                case DealResumed resumed:
                    if (resumed.Schedule is { } schedule && current is not null) current.Due = schedule.DueAt;
                    r.StatusChanges.Add((e.At, DealStatus.Active));
                    if (r.Holds.Count > 0 && r.Holds[^1].To is null) r.Holds[^1] = (r.Holds[^1].From, e.At);
                    break;
                case ScoreAdjusted adjusted:
                    r.Adjustments.Add((seq, adjusted.Points, adjusted.Reason, adjusted.Reference));
                    break;
                case DealPutOnHold:
                    r.StatusChanges.Add((e.At, DealStatus.OnHold));
                    r.Holds.Add((e.At, null));
                    break;
                case DealWon w:
                    CloseHold(r, e.At);
                    r.WonAt = w.At;
                    r.WonValue = w.ContractValue;
                    r.StatusChanges.Add((e.At, DealStatus.Won));
                    Abandon(current, e.At);
                    break;
                case DealLost:
                    CloseHold(r, e.At);
                    r.StatusChanges.Add((e.At, DealStatus.Lost));
                    Abandon(current, e.At);
                    break;
                case Flows.Migration.DealMigrated m when current is not null:
                    if (m.ToStageKey == current.StageKey) current.Due = m.Schedule.DueAt;
                    else
                    {
                        Abandon(current, e.At);
                        current.MigratedAway = true;
                        current = new RunFacts { StageKey = m.ToStageKey, Run = m.Run, Started = m.At, ScheduleStart = m.Schedule.StartedAt, Due = m.Schedule.DueAt };
                        r.Runs.Add(current);
                    }
                    break;
            }
        }
        return r;
    }

    private static void CloseHold(DealProjection r, DateTimeOffset at)
    {
        if (r.Holds.Count > 0 && r.Holds[^1].To is null) r.Holds[^1] = (r.Holds[^1].From, at);
    }

    private static void Abandon(RunFacts? run, DateTimeOffset at)
    {
        if (run is not { Outcome: StageOutcome.InProgress }) return;
        run.Outcome = StageOutcome.Abandoned;
        run.Ended = at;
    }
}
