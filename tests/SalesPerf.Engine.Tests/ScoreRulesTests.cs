using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Tests;

/// <summary>The score ledger: every point added or deducted traces back to one event, with the numbers behind it.</summary>
public class ScoreRulesTests
{
    /// <summary>First visit: 5 points, rep-caused lateness 2/day, other 1/day, customer 0, capped at 5.</summary>
    /// <param name="confirmed">the manager confirms the claimed attribution before approving</param>
    private static DealScenario FirstVisitApprovedLate(int daysLate, DelayAttribution attribution, bool confirmed = false)
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(7 + daysLate).Subtract(TimeSpan.FromHours(1))); // N days begun after the due time
        s.Do(new RecordDelayReason("Late: " + attribution + " caused it", attribution), Actors.Rep);
        if (confirmed) s.Do(new ReclassifyDelay(1, attribution, "Checked"), Actors.Manager);
        s.Submit();
        s.Approve();
        return s;
    }

    private static int SequenceOf<T>(DealScenario s) where T : DealEvent => s.Events.Single(e => e.Event is T).Sequence;

    [Fact]
    public void Approval_on_time_earns_the_stages_points_traced_to_the_approval_event()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(3));
        s.Submit();

        var t = s.Approve();

        var entry = Assert.Single(t.ScoreEntries);
        Assert.Equal(t.Events.Single(e => e.Event is SubmissionApproved).Sequence, entry.EventSequence);
        Assert.Equal(4, entry.EventSequence); // created 1, stage started 2, submitted 3, approved 4
        Assert.Equal(("rep-1", "first-visit", ScoreKind.StageApproved, 5m, "Stage 'First visit' approved", s.Now),
            (entry.RepId, entry.StageKey, entry.Kind, entry.Points, entry.Explanation, entry.At));
        Assert.Null(entry.LateDays);
    }

    [Fact]
    public void Each_stage_of_a_won_deal_scores_its_own_points()
    {
        var s = DealScenario.Started().AdvanceTo("contract");
        s.Submit();
        s.Approve();

        Assert.Equal([5m, 10m, 10m, 8m, 12m, 15m], s.Score.Select(e => e.Points));
        Assert.Equal(60m, s.Score.Sum(e => e.Points));
        Assert.All(s.Score, e => Assert.IsType<SubmissionApproved>(s.Events.Single(x => x.Sequence == e.EventSequence).Event));
    }

    [Fact]
    public void Rep_caused_lateness_deducts_the_rate_per_late_day()
    {
        var s = FirstVisitApprovedLate(2, DelayAttribution.Rep);

        var deduction = Assert.Single(s.Score, e => e.Kind == ScoreKind.LateDeduction);
        Assert.Equal(-4m, deduction.Points);
        Assert.Equal((2, DelayAttribution.Rep, 2m), (deduction.LateDays, deduction.Attribution, deduction.RatePerDay));
        Assert.Equal("'First visit' 2 day(s) late, rep-caused: 2 × 2", deduction.Explanation);
        Assert.Equal(SequenceOf<SubmissionApproved>(s), deduction.EventSequence);
        Assert.Equal(1m, s.Score.Sum(e => e.Points)); // +5 − 4
    }

    [Fact]
    public void The_deduction_is_capped()
    {
        var s = FirstVisitApprovedLate(4, DelayAttribution.Rep);

        var deduction = Assert.Single(s.Score, e => e.Kind == ScoreKind.LateDeduction);
        Assert.Equal(-5m, deduction.Points); // min(5, 4 × 2)
        Assert.Equal("'First visit' 4 day(s) late, rep-caused: 4 × 2, capped at 5", deduction.Explanation);
    }

    [Fact]
    public void Customer_caused_lateness_the_manager_confirmed_deducts_nothing()
    {
        var s = FirstVisitApprovedLate(3, DelayAttribution.Customer, confirmed: true);

        var entry = Assert.Single(s.Score);
        Assert.Equal((ScoreKind.StageApproved, 5m), (entry.Kind, entry.Points));
        Assert.Equal(3, ((SubmissionApproved)s.Events.Single(e => e.Event is SubmissionApproved).Event).LateDays);
    }

    [Fact]
    public void A_claimed_customer_delay_counts_as_rep_caused_until_the_manager_confirms_it_then_the_deduction_is_given_back()
    {
        var s = FirstVisitApprovedLate(3, DelayAttribution.Customer);

        var deduction = Assert.Single(s.Score, e => e.Kind == ScoreKind.LateDeduction);
        Assert.Equal((-5m, DelayAttribution.Rep), (deduction.Points, deduction.Attribution));

        var t = s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "Data came late, I checked"), Actors.Manager);
        Assert.IsType<DelayConfirmed>(Assert.Single(t.Events).Event);
        var adjusted = Assert.Single(t.ScoreEntries);
        Assert.Equal((ScoreKind.AttributionAdjusted, 5m, "Delay on 'First visit' confirmed as Customer-caused: deduction 5 → 0"),
            (adjusted.Kind, adjusted.Points, adjusted.Explanation));
        Assert.Equal(5m, s.Score.Sum(e => e.Points));
    }

    [Fact]
    public void Each_send_back_deducts_the_stages_rate_traced_to_its_event()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit();
        var first = s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Add the load data", null), Actors.Manager);
        s.Submit();
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Still no load curve", null), Actors.Manager);

        var lines = s.Score.Where(e => e.Kind == ScoreKind.SendBackDeduction).ToList();
        Assert.Equal([-2m, -2m], lines.Select(l => l.Points));
        Assert.Equal(first.Events[0].Sequence, lines[0].EventSequence);
        Assert.Equal("'First visit' submission #1 sent back: 2 per send-back", lines[0].Explanation);
    }

    [Fact]
    public void Other_causes_deduct_at_their_own_rate()
    {
        var s = FirstVisitApprovedLate(3, DelayAttribution.Other, confirmed: true);

        var deduction = Assert.Single(s.Score, e => e.Kind == ScoreKind.LateDeduction);
        Assert.Equal((-3m, "'First visit' 3 day(s) late, other-caused: 3 × 1"), (deduction.Points, deduction.Explanation));
    }

    [Fact]
    public void Reclassifying_a_scored_delay_gives_back_the_difference()
    {
        var s = FirstVisitApprovedLate(2, DelayAttribution.Rep);
        s.Clock.Advance(TimeSpan.FromDays(1));

        var t = s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "The customer held back the data"), Actors.Manager);

        var adjusted = Assert.Single(t.ScoreEntries);
        Assert.Equal((ScoreKind.AttributionAdjusted, 4m, "first-visit", "rep-1"), (adjusted.Kind, adjusted.Points, adjusted.StageKey, adjusted.RepId));
        Assert.Equal("Delay on 'First visit' re-classified from Rep to Customer: deduction 4 → 0", adjusted.Explanation);
        Assert.Equal((2, DelayAttribution.Customer, 0m), (adjusted.LateDays, adjusted.Attribution, adjusted.RatePerDay));
        Assert.Equal(SequenceOf<DelayReclassified>(s), adjusted.EventSequence);
        Assert.Equal(5m, s.Score.Sum(e => e.Points)); // as if it had been customer-caused from the start
    }

    [Fact]
    public void Reclassifying_towards_the_rep_deducts_more()
    {
        var s = FirstVisitApprovedLate(3, DelayAttribution.Customer, confirmed: true);

        var t = s.Do(new ReclassifyDelay(1, DelayAttribution.Rep, null), Actors.Admin);

        var adjusted = Assert.Single(t.ScoreEntries);
        Assert.Equal((-5m, "Delay on 'First visit' re-classified from Customer to Rep: deduction 0 → 5"), (adjusted.Points, adjusted.Explanation));
        Assert.Equal(0m, s.Score.Sum(e => e.Points));
    }

    [Fact]
    public void Reclassifying_before_approval_adds_no_line_of_its_own()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(9));
        s.Do(new RecordDelayReason("Customer postponed the meeting", DelayAttribution.Customer), Actors.Rep);
        s.Submit();

        var reclassified = s.Do(new ReclassifyDelay(1, DelayAttribution.Rep, null), Actors.Manager);
        s.Approve();

        Assert.Empty(reclassified.ScoreEntries);
        Assert.Equal([(ScoreKind.StageApproved, 5m), (ScoreKind.LateDeduction, -4m)], s.Score.Select(e => (e.Kind, e.Points)));
    }

    [Fact]
    public void Reclassifying_between_two_attributions_with_the_same_deduction_adds_nothing()
    {
        var s = FirstVisitApprovedLate(5, DelayAttribution.Rep); // min(5, 10) = 5

        var t = s.Do(new ReclassifyDelay(1, DelayAttribution.Other, null), Actors.Manager); // min(5, 5) = 5

        Assert.Empty(t.ScoreEntries);
    }

    [Fact]
    public void A_stage_worth_no_points_adds_no_approval_line()
    {
        var stage = TestFlows.Stage("visit");
        stage["points"] = "0";
        var s = DealScenario.Started(TestFlows.CompileOrFail(TestFlows.SingleStage(stage)));
        s.Submit(new DeliverableBuilder().Value("notes", "Met the plant manager"));

        var t = s.Approve();

        Assert.Empty(t.ScoreEntries);
        Assert.Equal(DealStatus.Won, s.Deal.Status);
    }

    [Fact]
    public void Deduction_rule_is_zero_when_on_time_and_uses_the_rate_for_the_attribution()
    {
        var rule = new ScoringRule(10, 2, 0, 1, 10);

        Assert.Equal(0m, rule.DeductionFor(0, DelayAttribution.Rep));
        Assert.Equal(6m, rule.DeductionFor(3, DelayAttribution.Rep));
        Assert.Equal(10m, rule.DeductionFor(30, DelayAttribution.Rep));
        Assert.Equal(0m, rule.DeductionFor(30, DelayAttribution.Customer));
        Assert.Equal(3m, rule.DeductionFor(3, DelayAttribution.Other));
    }
}
