using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;
using static SalesPerf.Engine.Tests.EvaluationTestKit;
using M = SalesPerf.Engine.Evaluation.EvaluationModel;

namespace SalesPerf.Engine.Tests;

/// <summary>Weights, manager input (ratings, trainings), training advice, period boundaries and send-backs.</summary>
public class EvaluationInputTests
{
    private static readonly EvaluationPeriod April = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));
    private static readonly DateTimeOffset InApril = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    /// <summary>No deals: ratings 4 and 3 (ability 70), 4 of 8 training hours (growth 50); result and process 0.</summary>
    private static RepInput RatedRep() => Rep("rA", "Rep A",
        ratings: [new(RatingKind.CustomerFeedback, 4, null, InApril), new(RatingKind.SolutionQuality, 3, null, InApril),
                  new(RatingKind.SolutionQuality, 1, null, InApril.AddDays(-30))],
        trainings: [new("Prospecting", 3, InApril), new("Negotiation", 1, InApril.AddDays(1)), new("Old course", 6, InApril.AddDays(-20))]);

    [Fact]
    public void Default_weights_give_the_hand_computed_total()
    {
        var a = Evaluate(April, "en", Utc, RatedRep()).Reps.Single();

        Assert.Equal((80m, 60m, 70m), (a.Indicator(M.CustomerFeedback).Score, a.Indicator(M.SolutionQuality).Score, a.Dimension(M.Ability).Score));
        Assert.Contains("1 rating(s) of solution quality (technical team) entered by the manager in the period, average 3 of 5 → 3 × 20 = 60", a.Indicator(M.SolutionQuality).HowComputed);
        Assert.Equal(50m, a.Indicator(M.Training).Score);
        Assert.Contains("2 training session(s) in the period, 4 h in all; target 8 h (8 h per 30 days × 30 days) → 4 / 8 × 100, at most 100 = 50", a.Indicator(M.Training).HowComputed);
        Assert.Equal("4 h", a.Indicator(M.Training).DisplayValue);
        Assert.Equal("4 小时", Evaluate(April, "zh-CN", Utc, RatedRep()).Reps.Single().Indicator(M.Training).DisplayValue);
        // No targets: the result dimension is not scored (not 0). Process: follow-ups 0 of the expected 8 → 0.
        // (40×0 + 20×70 + 10×50) / 70 = 27.14 → 27.1.
        Assert.False(a.Dimension(M.Result).Scored);
        Assert.Contains("no target was set for the period: not scored (not 0)", a.Indicator(M.ContractValue).HowComputed);
        Assert.Equal(27.1m, a.TotalScore);
    }

    [Fact]
    public void Admin_weights_change_the_total()
    {
        var weights = new EvaluationWeights(new Dictionary<string, decimal>
            { [M.Result] = 10, [M.Process] = 10, [M.Ability] = 40, [M.Growth] = 40, [M.CustomerFeedback] = 100, [M.SolutionQuality] = 0 });
        var a = Evaluate(April, "en", Utc with { Weights = weights }, RatedRep()).Reps.Single();

        Assert.Equal(80m, a.Dimension(M.Ability).Score);
        Assert.Equal(40m, a.Dimension(M.Ability).Weight);
        // (10×0 + 40×80 + 40×50) / 90 = 57.78; the result dimension is not scored (no targets).
        Assert.Equal(57.8m, a.TotalScore);
    }

    [Fact]
    public void Weights_are_checked_non_negative_and_summing_to_100()
    {
        Assert.Empty(EvaluationWeights.Validate(EvaluationModel.DefaultWeights));
        var bad = new Dictionary<string, decimal>(EvaluationModel.DefaultWeights) { [M.Result] = -10, [M.FollowUps] = 20 };
        var errors = EvaluationWeights.Validate(bad);

        Assert.Contains(errors, e => e.Key == M.Result && e.Message.En == "A weight cannot be negative.");
        Assert.Contains(errors, e => e.Key == "" && e.Message.En == "The four dimension weights must add up to 100%; they add up to 60%.");
        Assert.Contains(errors, e => e.Key == M.Process && e.Message.Zh == "“过程管理”的指标权重合计须为 100%，当前为 110%。");
    }

    [Fact]
    public void A_shortfall_suggests_the_admins_training_in_the_reports_language()
    {
        var suggestions = new[]
        {
            new TrainingSuggestion(M.FollowUps, 50, new("客户开发与拜访技巧", "Prospecting course"), new("每周至少两次拜访。", "Two visits a week.")),
            new TrainingSuggestion(M.CustomerFeedback, 60, new("客户沟通", "Customer communication"), new("", "")),
        };
        var a = Evaluate(April, "zh-CN", Utc with { Suggestions = suggestions }, RatedRep()).Reps.Single();

        var advice = Assert.Single(a.Training); // feedback 80 is above its threshold
        Assert.Equal(("跟进次数", "客户开发与拜访技巧", "每周至少两次拜访。（该项得分 0，低于 50）"), (advice.IndicatorName, advice.Title, advice.Detail));
    }

    [Fact]
    public void Period_boundaries_are_the_companys_local_midnight()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var settings = EvaluationSettings.Default(shanghai);
        // 31 March 23:30 and 1 April 00:30 in Shanghai.
        var lastMarch = new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);
        var firstApril = new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero);
        var early = new DealScenario(start: lastMarch.AddDays(-1)).Create();
        early.OnTime(TimeSpan.FromDays(1));
        var late = new DealScenario(start: firstApril.AddDays(-1)).Create();
        late.OnTime(TimeSpan.FromDays(1));
        var rep = Rep("rA", "Rep A", [early, late]);

        var march = Evaluate(March, "en", settings, rep).Reps.Single();
        var april = Evaluate(April, "en", settings, rep).Reps.Single();

        Assert.Contains("1 of 1 stages approved in the period were on time", march.Indicator(M.OnTimeRate).HowComputed);
        Assert.Contains("1 of 1 stages approved in the period were on time", april.Indicator(M.OnTimeRate).HowComputed);
        Assert.Equal(2, march.Deals.Count); // both were worked on in March (created 30/31 March local)
        Assert.Throws<ArgumentException>(() => Evaluate(new(April.End, April.Start), "en", settings, rep));
    }

    [Fact]
    public void Send_backs_count_as_revisions_and_the_reply_time_is_measured()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit();
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Add the attendees' roles please", null), Actors.Manager);
        s.OnTime(TimeSpan.FromDays(3)); // resubmitted 3 days after the send-back, approved
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s])).Reps.Single();

        var revisions = a.Indicator(M.Revisions);
        Assert.Equal((1m, 75m), (revisions.Value, revisions.Score));
        Assert.Contains("1 revision(s) over 1 stages approved in the period", revisions.HowComputed);
        var response = a.Indicator(M.SendBackResponse);
        Assert.Equal((3m, 80m, "3 days"), (response.Value, response.Score, response.DisplayValue));
        Assert.Contains("each scored on its own (resubmitted within 1 day 100, −10 per further day; 0 still unanswered at the period end counted up to it): 3d → 80; average = 80", response.HowComputed);
        var sendBack = Assert.Single(a.SendBacks);
        Assert.Equal(("Add the attendees' roles please", 3m, 80m), (sendBack.Comment, sendBack.Days, sendBack.Score));
        Assert.Equal(1, a.Deals.Single().Stages[0].Revisions);
    }

    [Fact]
    public void A_customer_caused_delay_only_the_rep_claimed_counts_against_them_and_says_it_awaits_the_manager()
    {
        var s = DealScenario.Started();
        s.Late(TimeSpan.FromDays(10), "Customer postponed the visit twice", DelayAttribution.Customer);
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s])).Reps.Single();

        var line = a.Delays.Single(d => d.StageName == "First visit"); // needs analysis, overdue at the month end, is listed too
        Assert.Equal((true, "claimed", "Customer (claimed, awaiting the manager)"), (line.CountsAgainstRep, line.DecisionKey, line.Attribution));
        Assert.True(line.Deduction > 0);
        Assert.Contains("not yet decided by the manager: counted as rep-caused until then", line.Decision);
        Assert.Equal(0m, a.Indicator(M.OnTimeRate).Score);
    }

    [Fact]
    public void Customer_caused_delay_the_manager_confirmed_costs_nothing_and_is_not_counted_late()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(10));
        s.Do(new RecordDelayReason("Customer postponed the visit twice", DelayAttribution.Customer), Actors.Rep);
        s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "Confirmed by phone"), Actors.Manager);
        s.Submit();
        s.Approve();
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [s])).Reps.Single();

        var line = a.Delays.Single(d => d.StageName == "First visit");
        Assert.Equal((0m, false, "Customer (confirmed by the manager)", "confirmed"), (line.Deduction, line.CountsAgainstRep, line.Attribution, line.DecisionKey));
        Assert.Contains(": “Confirmed by phone”", line.Decision);
        Assert.False(a.Indicator(M.OnTimeRate).Scored);
        Assert.Contains("No approved stage to count in the period (1 customer-caused late stage(s) excluded)", a.Indicator(M.OnTimeRate).HowComputed);
    }
}

/// <summary>A report for a period that is not over yet.</summary>
public class EvaluationAsOfTests
{
    [Fact]
    public void In_a_running_month_stages_not_yet_due_are_not_counted_as_incomplete()
    {
        var s = DealScenario.Started();            // 2 March; first visit due 9 March
        s.OnTime(TimeSpan.FromDays(1));            // 3 March: approved; needs analysis due 10 March
        var rep = Rep("rA", "Rep A", [s]);

        var midMonth = Evaluate(March, "en", Utc with { AsOf = s.Now.AddDays(2) }, rep).Reps.Single();
        var afterMonth = Evaluate(March, "en", Utc, rep).Reps.Single();

        Assert.Equal(100m, midMonth.Indicator(M.CompletionRate).Score);  // 1 of 1: needs analysis is not due yet
        Assert.Contains("(1 still within their due time or waiting on the customer not counted)", midMonth.Indicator(M.Conversion).HowComputed);
        Assert.Equal(50m, afterMonth.Indicator(M.CompletionRate).Score); // 1 of 2: needs analysis was due on 10 March
    }
}
