using System.Globalization;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Scoring;

/// <summary>
/// The score lines an event earns, computed from the deal's state just before it: points on approval, a deduction per
/// late day by the attribution the manager decided (an undecided claim counts as rep-caused) up to the stage's cap, a
/// deduction per send-back, and an adjustment when a manager's decision on a delay changes its deduction.
/// </summary>
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
            case SubmissionSentBack b when flow.Find(b.StageKey) is { Scoring.DeductionPerSendBack: > 0 } stage:
                yield return new(sequence, before.RepId, b.StageKey, ScoreKind.SendBackDeduction, -stage.Scoring.DeductionPerSendBack,
                    $"'{stage.Name.En}' submission #{b.SubmissionNo} sent back: {F(stage.Scoring.DeductionPerSendBack)} per send-back", b.At);
                break;
            case ScoreAdjusted a:
                yield return new(sequence, before.RepId, before.Current?.StageKey ?? before.History.LastOrDefault()?.StageKey ?? "", ScoreKind.ManualAdjustment, a.Points,
                    $"Adjusted by the manager: {a.Reason}", a.At);
                break;
            case DelayReclassified r when Adjustment(before, r.DelayNo, r.To, r.At, sequence, flow, $"re-classified from {r.From} to {r.To}") is { } line:
                yield return line;
                break;
            case DelayConfirmed c when Adjustment(before, c.DelayNo, c.Attribution, c.At, sequence, flow, $"confirmed as {c.Attribution}-caused") is { } line:
                yield return line;
                break;
        }
    }

    /// <summary>The change in an approved stage's late deduction when the manager decides its delay's attribution.</summary>
    private static ScoreEntry? Adjustment(DealState before, int delayNo, DelayAttribution decided, DateTimeOffset at, int sequence, StageFlow flow, string what)
    {
        if (before.Delay(delayNo) is not { } delay
            || before.RunOf(delay.StageKey, delay.Run) is not { Status: StageRunStatus.Approved } run
            || run.ScoredDelayNo != delayNo
            || flow.Find(delay.StageKey) is not { } stage) return null;
        var old = stage.Scoring.DeductionFor(run.LateDays, delay.Counted);
        var now = stage.Scoring.DeductionFor(run.LateDays, decided);
        return old == now ? null : new(sequence, before.RepId, delay.StageKey, ScoreKind.AttributionAdjusted, old - now,
            $"Delay on '{stage.Name.En}' {what}: deduction {F(old)} → {F(now)}", at, run.LateDays, decided, stage.Scoring.RateFor(decided));
    }

    private static string Deduction(string stage, int days, DelayAttribution attribution, ScoringRule rule)
    {
        var raw = days * rule.RateFor(attribution);
        var capped = raw > rule.DeductionCap ? $", capped at {F(rule.DeductionCap)}" : "";
        return $"'{stage}' {days} day(s) late, {attribution.ToString().ToLowerInvariant()}-caused: {days} × {F(rule.RateFor(attribution))}{capped}";
    }

    private static string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
