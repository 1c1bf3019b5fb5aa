using System.Globalization;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Scoring;

/// <summary>The score lines an event earns, computed from the deal's state just before it.</summary>
public static class ScoreRules
{
    public static IEnumerable<ScoreEntry> For(DealState before, DealEvent e, int sequence, StageFlow flow)
    {
        switch (e)
        {
            case SubmissionApproved a when flow.Find(a.StageKey) is { } stage:
            {
                var name = stage.Name.En;
                if (stage.Scoring.PointsOnApproval != 0)
                    yield return new(sequence, before.RepId, a.StageKey, ScoreKind.StageApproved, stage.Scoring.PointsOnApproval,
                        $"Stage '{name}' approved", a.At);
                if (a.LateDays > 0)
                {
                    var attribution = a.Attribution ?? DelayAttribution.Rep;
                    var deduction = stage.Scoring.DeductionFor(a.LateDays, attribution);
                    if (deduction != 0)
                        yield return new(sequence, before.RepId, a.StageKey, ScoreKind.LateDeduction, -deduction,
                            Deduction(name, a.LateDays, attribution, stage.Scoring), a.At, a.LateDays, attribution, stage.Scoring.RateFor(attribution));
                }
                break;
            }
            case DelayReclassified r when before.Delay(r.DelayNo) is { } delay
                                          && before.RunOf(delay.StageKey, delay.Run) is { Status: StageRunStatus.Approved } run
                                          && run.ScoredDelayNo == r.DelayNo
                                          && flow.Find(delay.StageKey) is { } stage:
            {
                var old = stage.Scoring.DeductionFor(run.LateDays, r.From);
                var now = stage.Scoring.DeductionFor(run.LateDays, r.To);
                if (old != now)
                    yield return new(sequence, before.RepId, delay.StageKey, ScoreKind.AttributionAdjusted, old - now,
                        $"Delay on '{stage.Name.En}' re-classified from {r.From} to {r.To}: deduction {F(old)} → {F(now)}",
                        r.At, run.LateDays, r.To, stage.Scoring.RateFor(r.To));
                break;
            }
        }
    }

    private static string Deduction(string stage, int days, DelayAttribution attribution, ScoringRule rule)
    {
        var raw = days * rule.RateFor(attribution);
        var capped = raw > rule.DeductionCap ? $", capped at {F(rule.DeductionCap)}" : "";
        return $"'{stage}' {days} day(s) late, {attribution.ToString().ToLowerInvariant()}-caused: {days} × {F(rule.RateFor(attribution))}{capped}";
    }

    private static string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
