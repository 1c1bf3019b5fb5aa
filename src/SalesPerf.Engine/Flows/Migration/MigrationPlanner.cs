using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Flows.Migration;

/// <summary>
/// Plans moving a running deal from its flow version to a newer one. The rules, so that a migration never re-runs
/// completed work (a known pain with Elsa's instance migration):
/// the deal's history is kept as is; its current stage keeps its key when the new version still has it (due times
/// recomputed from the same start, keeping any time added for holds); a stage that no longer exists needs a mapping
/// chosen by the admin, and the mapped stage starts fresh; a mapping to a completed stage, or a new version that would
/// lead the deal into a stage it already completed (where the old version would not), blocks the deal.
/// </summary>
public static class MigrationPlanner
{
    public static DealMigrationPlan Plan(DealState deal, StageFlow from, StageFlow to, IReadOnlyDictionary<string, string> stageMap,
        BusinessCalendar calendar, DateTimeOffset now)
    {
        var run = deal.Current ?? throw new InvalidOperationException("Only a running deal (one with a current stage) can be migrated.");
        var completed = deal.History.Where(r => r.Status == StageRunStatus.Approved).Select(r => r.StageKey).Distinct().ToList();
        var blockers = new List<string>();
        var warnings = new List<string>();
        var basePlan = new DealMigrationPlan
        {
            DealId = deal.Id, FromVersion = deal.FlowVersion, ToVersion = to.Version, FromStageKey = run.StageKey,
            DueBefore = run.Schedule.DueAt, CompletedStages = completed, Blockers = blockers, Warnings = warnings,
        };
        if (to.DefinitionId != deal.FlowDefinitionId || to.Version <= deal.FlowVersion)
        {
            blockers.Add($"version {to.Version} of '{to.DefinitionId}' is not newer than the deal's version {deal.FlowVersion}");
            return basePlan;
        }

        var toKey = to.Find(run.StageKey) is not null ? run.StageKey : stageMap.GetValueOrDefault(run.StageKey);
        if (toKey is null)
        {
            blockers.Add($"stage '{run.StageKey}' does not exist in version {to.Version}: choose the stage these deals move to");
            return basePlan;
        }
        if (to.Find(toKey) is not { } target)
        {
            blockers.Add($"stage '{toKey}' chosen for '{run.StageKey}' does not exist in version {to.Version}");
            return basePlan;
        }
        var oldAhead = from.Find(run.StageKey) is not null ? Ahead(from, run.StageKey) : [];
        if (toKey != run.StageKey && completed.Contains(toKey) && !oldAhead.Contains(toKey))
            blockers.Add($"stage '{toKey}' was already completed by this deal: moving it there would run it again");
        foreach (var key in Ahead(to, toKey).Where(k => completed.Contains(k) && !oldAhead.Contains(k) && k != toKey))
            blockers.Add($"after '{toKey}' version {to.Version} leads to '{key}', which this deal already completed: it would be run again");

        StageSchedule schedule;
        IReadOnlyList<string> firedKept;
        int runNo;
        if (toKey == run.StageKey)
        {
            // Same stage, same start: only the new rules move the due times. Time added for holds is kept.
            var oldStage = from.Find(run.StageKey);
            var held = oldStage is null ? TimeSpan.Zero : run.Schedule.DueAt - calendar.Add(run.Schedule.StartedAt, oldStage.Deadline);
            schedule = StageSchedule.For(target, run.Schedule.StartedAt, calendar).ShiftedBy(held > TimeSpan.Zero ? held : TimeSpan.Zero);
            // A reminder that went out stays sent, unless its due time moved into the future (then it is due again).
            firedKept = run.Fired.Where(k => schedule.Items.Any(i => i.Key == k && (i.DueAt <= now || OldDue(run, k) == i.DueAt))).Order().ToList();
            runNo = run.Run;
            if (run.Pending is { } pending && DeliverableValidator.Validate(target, pending.Deliverable) is { Count: > 0 } missing)
                warnings.Add($"the submission waiting for approval does not meet the new criteria ({string.Join(", ", missing.Select(m => m.Field))}); the approver can send it back");
        }
        else
        {
            schedule = StageSchedule.For(target, now, calendar);
            firedKept = [];
            runNo = deal.RunCount(toKey) + 1;
            warnings.Add($"the open work on '{run.StageKey}' ends; '{toKey}' starts now");
            if (run.Pending is not null)
                warnings.Add($"the submission waiting for approval on '{run.StageKey}' is not carried over: the rep submits for '{toKey}'");
        }
        if (deal.Status == DealStatus.OnHold) warnings.Add("the deal is on hold: its due times move later again when it resumes");

        return basePlan with
        {
            ToStageKey = toKey,
            DueAfter = schedule.DueAt,
            OverdueAfter = schedule.DueAt < now && run.Schedule.DueAt >= now,
            Schedule = schedule,
            FiredKept = firedKept,
            Run = runNo,
        };
    }

    private static DateTimeOffset? OldDue(StageRun run, string key) => run.Schedule.Items.FirstOrDefault(i => i.Key == key)?.DueAt;

    /// <summary>The stages an approval chain leads through after <paramref name="key"/>.</summary>
    private static List<string> Ahead(StageFlow flow, string key)
    {
        var ahead = new List<string>();
        for (var next = flow.Find(key)?.NextStageKey; next is not null && !ahead.Contains(next) && next != key; next = flow.Find(next)?.NextStageKey)
            ahead.Add(next);
        return ahead;
    }
}
