using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows.Migration;

namespace SalesPerf.Engine.Dashboards;

/// <summary>How a stage run ended, as far as the dashboards care (Migrated: an admin moved the deal to another stage).</summary>
public enum StageRunEnd { Open, Approved, SentBack, Closed, Migrated }

/// <summary>
/// One run of a stage: started, due, ended (approved, sent back to an earlier stage, or the deal closed), how late the
/// approved submission was, and when the manager sent a submission back (each is a revision).
/// </summary>
public sealed record StageRunFact(
    string StageKey,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? EndedAt,
    StageRunEnd End,
    int LateDays,
    IReadOnlyList<DateTimeOffset> SentBackAt)
{
    /// <summary>The run's lateness is a customer-caused wait the manager confirmed: not counted against on-time (as in the evaluation).</summary>
    public bool CustomerWait { get; init; }
}

/// <summary>A logged follow-up: when the visit or call was, and the stage the deal was in.</summary>
public sealed record FollowUpFact(DateTimeOffset VisitedAt, string? StageKey);

/// <summary>
/// The few facts of a deal's history the dashboards aggregate (stage runs, follow-ups, outcome), extracted from its
/// events in one pass. Small enough to keep for 100,000 deals.
/// </summary>
public sealed record DealFacts(Guid DealId, IReadOnlyList<StageRunFact> Stages, IReadOnlyList<FollowUpFact> FollowUps, DateTimeOffset? WonAt)
{
    public static DealFacts From(Guid dealId, IEnumerable<DealEvent> events)
    {
        var runs = new List<StageRunFact>();
        var followUps = new List<FollowUpFact>();
        StageRunFact? current = null;
        DateTimeOffset? wonAt = null;
        // Delay reasons by number: the stage run they belong to, and whether the manager confirmed a customer cause.
        var delays = new Dictionary<int, (string StageKey, int Run, bool CustomerWait)>();
        void End(DateTimeOffset at, StageRunEnd how)
        {
            if (current is null) return;
            runs.Add(current with { EndedAt = at, End = how });
            current = null;
        }
        foreach (var e in events)
        {
            switch (e)
            {
                case DelayReasonRecorded d:
                    delays[d.DelayNo] = (d.StageKey, d.Run, false);
                    break;
                case DelayConfirmed c when delays.TryGetValue(c.DelayNo, out var confirmed):
                    delays[c.DelayNo] = confirmed with { CustomerWait = c.Attribution == Flows.DelayAttribution.Customer };
                    break;
                case DelayReclassified r when delays.TryGetValue(r.DelayNo, out var reclassified):
                    delays[r.DelayNo] = reclassified with { CustomerWait = r.To == Flows.DelayAttribution.Customer };
                    break;
                case StageStarted s:
                    End(s.At, StageRunEnd.SentBack); // an approved run has already ended: only an open one is left here
                    current = new StageRunFact(s.StageKey, s.Schedule.StartedAt, s.Schedule.DueAt, null, StageRunEnd.Open, 0, []);
                    break;
                case FollowUpLogged f:
                    followUps.Add(new FollowUpFact(f.VisitedAt, current?.StageKey));
                    break;
                case SubmissionApproved a when current is not null:
                    // The next stage's StageStarted (or DealWon) follows; the run ends here.
                    runs.Add(current with { EndedAt = a.At, End = StageRunEnd.Approved, LateDays = a.LateDays });
                    current = null;
                    break;
                case SubmissionSentBack b when current is not null:
                    current = current with { SentBackAt = [.. current.SentBackAt, b.At] };
                    if (b.ToStageKey != current.StageKey) End(b.At, StageRunEnd.SentBack);
                    break;
                case DealMigrated m when current is not null:
                    // As the deal's state: the same stage keeps its run with new due times, another stage starts a fresh run.
                    if (m.ToStageKey == current.StageKey)
                    {
                        current = current with { DueAt = m.Schedule.DueAt };
                        break;
                    }
                    End(m.At, StageRunEnd.Migrated);
                    current = new StageRunFact(m.ToStageKey, m.Schedule.StartedAt, m.Schedule.DueAt, null, StageRunEnd.Open, 0, []);
                    break;
                case DealResumed r when current is not null && r.Schedule is not null:
                    current = current with { DueAt = r.Schedule.DueAt };
                    break;
                case DealWon w:
                    End(w.At, StageRunEnd.Closed);
                    wonAt = w.At;
                    break;
                case DealLost l:
                    End(l.At, StageRunEnd.Closed);
                    break;
            }
        }
        if (current is not null) runs.Add(current);
        // A decision may come after the approval, so the runs are marked once all events are read.
        var waits = delays.Values.Where(d => d.CustomerWait).Select(d => (d.StageKey, d.Run)).ToHashSet();
        if (waits.Count > 0)
        {
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < runs.Count; i++)
            {
                var run = seen[runs[i].StageKey] = seen.GetValueOrDefault(runs[i].StageKey) + 1;
                if (waits.Contains((runs[i].StageKey, run))) runs[i] = runs[i] with { CustomerWait = true };
            }
        }
        return new DealFacts(dealId, runs, followUps, wonAt);
    }
}
