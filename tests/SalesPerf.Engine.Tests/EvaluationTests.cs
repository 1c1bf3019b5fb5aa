using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Scoring;
using static SalesPerf.Engine.Tests.EvaluationTestKit;
using M = SalesPerf.Engine.Evaluation.EvaluationModel;

namespace SalesPerf.Engine.Tests;

/// <summary>The evaluation of a team for March, computed by hand from the scenario's events.</summary>
public class EvaluationTests
{
    private static readonly RepTarget[] Targets = [new(TargetMetrics.ContractValue, 1_000_000, "2026-03"), new(TargetMetrics.ContractsWon, 1, "2026-03")];

    private static TeamEvaluation MarchTeam(string language = "en") =>
        Evaluate(March, language, Utc, Rep("rA", "Rep A", [SlippedDeal()]) with { Targets = Targets },
            Rep("rB", "Rep B", [ReadyMadeWin()]) with { Targets = Targets });

    [Fact]
    public void On_time_rate_leaves_out_the_stage_the_manager_decided_was_customer_caused()
    {
        var a = MarchTeam().Reps.Single(r => r.RepId == "rA");
        var onTime = a.Indicator(M.OnTimeRate);

        Assert.Equal(50m, onTime.Score);
        Assert.Equal("1 / 2, 50%", onTime.DisplayValue);
        Assert.Contains("1 of 2 stages approved in the period were on time (1 customer-caused late stage(s), as confirmed by the manager, excluded)", onTime.HowComputed);
    }

    [Fact]
    public void Process_work_and_pipeline_progress_on_a_deal_that_slipped_past_the_period_are_recognised()
    {
        var a = MarchTeam().Reps.Single(r => r.RepId == "rA");

        Assert.Equal(100m, a.Indicator(M.CompletionRate).Score);
        Assert.Equal(100m, a.Indicator(M.Conversion).Score);
        // Open at the month end in customer feedback (50%), started in March (0%): ¥1,000,000 × 50% against the ¥1,000,000 target.
        var pipeline = a.Indicator(M.Pipeline);
        Assert.Equal((500_000m, 50m, "¥500,000, 50%"), (pipeline.Value, pipeline.Score, pipeline.DisplayValue));
        Assert.Contains("Substation upgrade: ¥1,000,000 × (50% − 0%) = ¥500,000", pipeline.HowComputed);
        Assert.Equal(0m, a.Indicator(M.ContractValue).Score);
        Assert.Contains("target ¥1,000,000 (2026-03) → ¥0 / ¥1,000,000 × 100 = 0%", a.Indicator(M.ContractValue).HowComputed);
        Assert.False(a.Indicator(M.NewCustomers).Scored);
        // Result: (35×0 + 15×0 + 40×50) / 90 = 22.2 (new customers: no target, not scored).
        Assert.Equal(22.2m, a.Dimension(M.Result).Score);
        // Follow-ups 2 of 8.3 expected (8 per 30 days × 31) = 24.1; deductions: −4 −4 +4 = 4 points → 100 − 5 × 4 = 80.
        Assert.Equal(24.1m, a.Indicator(M.FollowUps).Score);
        Assert.Equal((4m, 80m), (a.Indicator(M.Deductions).Value, a.Indicator(M.Deductions).Score));
        // (10×24.1 + 15×100 + 20×50 + 10×100 + 10×100 + 25×80) / 90 (no send-backs) = 74.9.
        Assert.Equal(74.9m, a.Dimension(M.Process).Score);
        Assert.False(a.Indicator(M.SendBackResponse).Scored);
    }

    [Fact]
    public void Totals_ranks_and_team_averages_are_the_hand_computed_ones()
    {
        var team = MarchTeam();
        var b = team.Reps[0];
        var a = team.Reps[1];

        Assert.Equal(("rB", 1, "rA", 2), (b.RepId, b.Rank, a.RepId, a.Rank));
        // Rep B: ¥1,180,000 of ¥1,000,000 = 118%, capped at 100; 1 of 1 contracts; no open pipeline: (35×100 + 15×100 + 40×0) / 90 = 55.6.
        Assert.Equal(55.6m, b.Dimension(M.Result).Score);
        Assert.Equal("¥1,180,000 / ¥1,000,000, 118%", b.Indicator(M.ContractValue).DisplayValue);
        Assert.Equal(100m, b.Indicator(M.ContractValue).Score);
        // Process: no follow-ups (0), everything else 100: (15+20+10+10+25)×100 / 90 = 88.9.
        Assert.Equal(88.9m, b.Dimension(M.Process).Score);
        // Totals: (30×55.6 + 40×88.9 + 10×0) / 80 = 65.3; rep A (30×22.2 + 40×74.9) / 80 = 45.8. Ability was not rated.
        Assert.Equal(65.3m, b.TotalScore);
        Assert.Equal(45.8m, a.TotalScore);
        Assert.Equal(55.6m, a.TeamAverageTotal);
        Assert.Equal(81.9m, a.Dimension(M.Process).TeamAverage);
        Assert.Equal(2, a.TeamSize);
        Assert.False(a.Dimension(M.Ability).Scored);
        Assert.False(a.Dimension(M.Ability).TeamScored);
        Assert.True(a.Dimension(M.Process).TeamScored);
    }

    [Fact]
    public void Deductions_enter_the_total_through_the_process_dimension_line_by_line()
    {
        var a = MarchTeam().Reps.Single(r => r.RepId == "rA");

        Assert.Collection(a.Deductions,
            late => Assert.Equal(("late", -4m, "Needs-analysis report"), (late.Kind, late.Points, late.StageName)),
            decision => Assert.Equal(("decision", 4m), (decision.Kind, decision.Points)),
            demo => Assert.Equal(("late", -4m, "Solution demo"), (demo.Kind, demo.Points, demo.StageName)));
        var needs = a.Deductions[0];
        Assert.Contains("due 2026-03-10 09:00, submitted 2026-03-12 09:00, approved 2026-03-12 09:00: 2 day(s) late (business days, weekends and holidays skipped)", needs.Inputs);
        Assert.Contains("per late day: rep-caused 2, customer-caused 0, other 1, at most 10 per stage", needs.Rule);
        Assert.Contains("the manager re-classified delay #1 as customer-caused: “Confirmed with the customer: data came late”", a.Deductions[1].Inputs);
        Assert.Equal(-a.Indicator(M.Deductions).Value, a.Deductions.Sum(d => d.Points));
        Assert.True(a.Deductions.All(d => d.EventSequence > 0));
    }

    [Fact]
    public void Delay_lines_carry_the_reason_the_managers_decision_and_the_ledgers_deduction()
    {
        var deal = SlippedDeal();
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [deal])).Reps.Single();

        Assert.Collection(a.Delays,
            needs =>
            {
                Assert.Equal(("Needs-analysis report", 2, "Customer has not provided the consumption data"), (needs.StageName, needs.LateDays, needs.Reason));
                Assert.Equal(("customer", "Customer (re-classified by the manager)", 0m, false, "reclassified"),
                    (needs.AttributionKey, needs.Attribution, needs.Deduction, needs.CountsAgainstRep, needs.DecisionKey));
            },
            demo =>
            {
                Assert.Equal(("Solution demo", 2, "Demo room not booked in time"), (demo.StageName, demo.LateDays, demo.Reason));
                Assert.Equal(("rep", 4m, true, "claimed"), (demo.AttributionKey, demo.Deduction, demo.CountsAgainstRep, demo.DecisionKey));
            });
        var ledger = deal.Score.Where(e => e.Kind is ScoreKind.LateDeduction or ScoreKind.AttributionAdjusted).Sum(e => e.Points);
        Assert.Equal(-ledger, a.Delays.Sum(d => d.Deduction));
    }

    [Fact]
    public void An_open_overdue_stage_waiting_on_a_confirmed_customer_is_in_the_delay_table_and_not_incomplete()
    {
        var s = DealScenario.Started();                        // first visit due 9 March
        s.Clock.Advance(TimeSpan.FromDays(10));                // 12 March: overdue
        s.Do(new RecordDelayReason("Customer's site closed for inspection", Flows.DelayAttribution.Customer), Actors.Rep);
        var claimed = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s])).Reps.Single();
        s.Do(new ReclassifyDelay(1, Flows.DelayAttribution.Customer, "Seen the notice"), Actors.Manager);
        var confirmed = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s])).Reps.Single();

        Assert.Equal(0m, claimed.Indicator(M.CompletionRate).Score); // a claim alone does not stop the clock
        var line = Assert.Single(confirmed.Delays);
        Assert.Equal((false, 0m, "confirmed"), (line.CountsAgainstRep, line.Deduction, line.DecisionKey));
        Assert.Null(line.SubmittedAt);
        Assert.Contains("still open at the period end", line.Decision);
        Assert.False(confirmed.Indicator(M.CompletionRate).Scored);
        Assert.Contains("1 waiting on the customer or on hold not counted", confirmed.Indicator(M.CompletionRate).HowComputed);
    }

    [Fact]
    public void A_deal_on_hold_before_its_due_time_is_not_due_and_not_completed()
    {
        var s = DealScenario.Started();                        // first visit due 9 March
        s.Clock.Advance(TimeSpan.FromDays(3));
        s.Do(new HoldDeal("Customer froze the budget until the board meets"), Actors.Rep);
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s])).Reps.Single();

        Assert.False(a.Indicator(M.CompletionRate).Scored);
        Assert.False(a.Indicator(M.Conversion).Scored);
    }

    [Fact]
    public void The_timeline_shows_each_stage_run_as_of_the_period_end()
    {
        var a = Evaluate(March, "zh-CN", Utc, Rep("rA", "张伟", [SlippedDeal()])).Reps.Single();

        var deal = Assert.Single(a.Deals);
        Assert.Equal("进行中", deal.Status);
        Assert.Equal([StageOutcome.ApprovedOnTime, StageOutcome.ApprovedLate, StageOutcome.ApprovedLate, StageOutcome.InProgress],
            deal.Stages.Select(s => s.Outcome));
        Assert.Equal("首次拜访", deal.Stages[0].StageName);
        Assert.Null(deal.Stages[3].Ended);
        Assert.Equal("zh-CN", a.Language);
        Assert.Contains("经理确认的客户原因逾期 1 个不计入", a.Indicator(M.OnTimeRate).HowComputed);
        Assert.Equal("客户原因（经理改判）", a.Delays[0].Attribution);
        Assert.Equal(2, a.FollowUps.Count);
        Assert.Equal("Site visit with the plant manager", a.FollowUps[0].Content);
    }

    [Fact]
    public void A_rep_present_for_part_of_the_period_is_judged_on_that_part_and_one_with_nothing_expected_is_not_scored()
    {
        var early = DealScenario.Started();                    // March 2: worked on before the rep left the team on the 15th
        var present = Rep("rA", "Rep A", [early]) with { Targets = Targets, Presence = new(new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 1)) };
        var idle = Rep("rC", "Rep C");
        var team = Evaluate(March, "en", Utc, present, idle, Rep("rB", "Rep B", [ReadyMadeWin()]) with { Targets = Targets });

        var a = team.Reps.Single(r => r.RepId == "rA");
        Assert.Equal(new EvaluationPeriod(new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 1)), a.Presence);
        // Half the month: the ¥1,000,000 target counts 16 of 31 days.
        Assert.Equal(516_129.03m, a.Targets.Single(x => x.Metric == TargetMetrics.ContractValue).Target);
        Assert.Contains("× 16/31 d", a.Indicator(M.ContractValue).HowComputed);
        var c = team.Reps.Single(r => r.RepId == "rC");
        Assert.Equal((false, 0), (c.Scored, c.Rank));
        Assert.Equal("rC", team.Reps[^1].RepId);
        Assert.Equal(2, c.TeamSize); // the not-scored rep is not counted in the team's averages
        Assert.Equal(Math.Round((a.TotalScore + team.Reps.Single(r => r.RepId == "rB").TotalScore) / 2, 1, MidpointRounding.AwayFromZero), a.TeamAverageTotal);
    }

    [Fact]
    public void A_follow_up_back_dated_into_a_closed_month_changes_nothing_there_and_counts_as_an_adjustment_in_the_next()
    {
        var s = SlippedDeal();                                       // March; the deal is open into April
        var closedAt = new DateTimeOffset(2026, 4, 3, 10, 0, 0, TimeSpan.Zero);
        var settings = Utc with { Closed = [new ClosedPeriod(March, closedAt)] };
        var before = Evaluate(March, "en", settings, Rep("rA", "Rep A", [s]) with { Targets = Targets }).Reps.Single();

        s.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero));
        s.Do(new LogFollowUp(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), "Forgot to log the March site visit", null, null, null), Actors.Rep);
        var march = Evaluate(March, "en", settings, Rep("rA", "Rep A", [s]) with { Targets = Targets }).Reps.Single();
        var april = Evaluate(new(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)), "en", settings, Rep("rA", "Rep A", [s]) with { Targets = Targets }).Reps.Single();

        Assert.Equal(before.TotalScore, march.TotalScore);
        Assert.Equal(before.Indicator(M.FollowUps).HowComputed, march.Indicator(M.FollowUps).HowComputed);
        Assert.Equal(2, march.FollowUps.Count);
        var adjustment = Assert.Single(april.FollowUps);
        Assert.Equal(March, adjustment.AdjustmentFor);
        Assert.Contains("1 follow-up(s) logged with a visit date in the period (of them 1 dated in a closed period but entered after it closed, counted here as adjustments)",
            april.Indicator(M.FollowUps).HowComputed);
    }

    [Fact]
    public void A_managers_correction_is_a_ledger_line_with_its_reason_counted_in_the_period_it_was_made()
    {
        var s = SlippedDeal();
        var refused = s.Refused(new AdjustScore(4, "I was right", null), Actors.Rep);
        Assert.Equal("notManager", refused.Code);
        Assert.Equal("badAdjustment", s.Refused(new AdjustScore(25, "Far too generous a correction", null), Actors.Manager).Code);
        var t = s.Do(new AdjustScore(4, "The demo room was booked by facilities, not the rep", "dispute #1"), Actors.Manager);

        var line = Assert.Single(t.ScoreEntries);
        Assert.Equal((ScoreKind.ManualAdjustment, 4m), (line.Kind, line.Points));
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s]) with { Targets = Targets }).Reps.Single();
        var adjustment = a.Deductions.Single(d => d.Kind == "adjustment");
        Assert.Contains("reason: “The demo room was booked by facilities, not the rep” (answering: dispute #1)", adjustment.Inputs);
        // −4 −4 +4 +4: nothing deducted in all → 100.
        Assert.Equal(100m, a.Indicator(M.Deductions).Score);
    }
}
