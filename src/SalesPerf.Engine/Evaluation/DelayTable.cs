using SalesPerf.Engine.Projections;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// The period's late stages: approved late in the period, or still open and overdue at its end. Each line has the reason
/// the rep gave, the attribution claimed and the manager's decision, the rule, and the deduction the score ledger made in
/// the period (the late-day line at approval and any adjustment from a decision in the period). Confirmed customer-caused
/// waits are listed with their 0 deduction and do not count against the rep.
/// </summary>
internal static class DelayTable
{
    public static List<DelayLine> For(IReadOnlyList<DealProjection> deals, IReadOnlyList<LedgerLine> ledger, Window w, Words t)
    {
        var byDeal = ledger.ToLookup(l => l.DealId);
        var lines = new List<DelayLine>();
        foreach (var d in deals)
        {
            var entries = byDeal[d.DealId].Select(l => l.Entry).Where(e => w.Contains(e.At)).ToList();
            foreach (var run in d.Runs)
            {
                var approvedLate = run.LateDays > 0 && run.ApprovedIn(w.From, w.To);
                var openOverdue = !(run.Ended < w.To) && w.Contains(run.Due) && run.Due < w.JudgedUntil;
                if (!approvedLate && !openOverdue) continue;
                var delay = d.DelayOf(run);
                var attribution = d.AttributionOf(run);
                var points = approvedLate
                    ? entries.Where(e => (e.Kind == ScoreKind.LateDeduction && e.EventSequence == run.ApprovalSequence)
                                         || (e.Kind == ScoreKind.AttributionAdjusted && delay?.DecidedSequence == e.EventSequence)).Sum(e => e.Points)
                    : 0;
                var stage = d.Flow?.Find(run.StageKey);
                lines.Add(new DelayLine(d.DealId, d.Title, d.StageName(run.StageKey, t.Language), approvedLate ? run.LateDays : 0,
                    delay?.Reason is { Length: > 0 } reason ? reason : t["未填写延误原因", "No delay reason recorded"],
                    attribution.ToString().ToLowerInvariant(), Name(delay, attribution, t), -points, !d.IsCustomerWait(run),
                    run.ApprovedAt < w.To ? run.ApprovedAt!.Value : run.Due)
                {
                    Due = run.Due,
                    SubmittedAt = approvedLate ? run.SubmittedAt : null,
                    DecisionKey = delay is null || !delay.Decided ? "claimed" : delay.Reclassified ? "reclassified" : "confirmed",
                    Decision = Decision(delay, w, t) + (approvedLate ? "" : t["；阶段在期末仍未完成，扣分在通过时计算", "; the stage was still open at the period end: the deduction is made when it is approved"]),
                    Rule = DeductionRules.Rule(stage, attribution, t),
                    EventSequence = approvedLate ? run.ApprovalSequence : delay?.Sequence,
                });
            }
        }
        return lines.OrderBy(l => l.At).ToList();
    }

    private static string Name(DelayFacts? delay, DelayAttribution counted, Words t)
    {
        if (delay is null) return t.Attribution(DelayAttribution.Rep);
        if (!delay.Decided) return t[Inv.S($"{t.Attribution(delay.Claimed)}（申报，待经理确认）"), Inv.S($"{t.Attribution(delay.Claimed)} (claimed, awaiting the manager)")];
        return t.Attribution(counted) + (delay.Reclassified ? t["（经理改判）", " (re-classified by the manager)"] : t["（经理确认）", " (confirmed by the manager)"]);
    }

    private static string Decision(DelayFacts? delay, Window w, Words t)
    {
        if (delay is null) return t["没有延误原因：按销售原因计", "no delay reason: counted as rep-caused"];
        var claim = t[Inv.S($"销售于 {w.Local(delay.At)} 申报为“{t.Attribution(delay.Claimed)}”"), Inv.S($"claimed as {t.Attribution(delay.Claimed).ToLowerInvariant()}-caused on {w.Local(delay.At)}")];
        if (!delay.Decided) return claim + t["；经理尚未确认，暂按销售原因计", "; not yet decided by the manager: counted as rep-caused until then"];
        var comment = delay.DecisionComment is { Length: > 0 } c ? t[$"：“{c}”", $": “{c}”"] : "";
        return claim + (delay.Reclassified
            ? t[Inv.S($"；经理于 {w.Local(delay.DecidedAt)} 改判为“{t.Attribution(delay.Attribution)}”"), Inv.S($"; re-classified by the manager on {w.Local(delay.DecidedAt)} as {t.Attribution(delay.Attribution).ToLowerInvariant()}-caused")]
            : t[Inv.S($"；经理于 {w.Local(delay.DecidedAt)} 确认"), Inv.S($"; confirmed by the manager on {w.Local(delay.DecidedAt)}")]) + comment;
    }
}
