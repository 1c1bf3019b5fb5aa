using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Scoring;
using static SalesPerf.Engine.Tests.EvaluationTestKit;
using M = SalesPerf.Engine.Evaluation.EvaluationModel;

namespace SalesPerf.Engine.Tests;

/// <summary>The evaluation of a team for March, computed by hand from the scenario's events.</summary>
public class EvaluationTests
{
    private static TeamEvaluation MarchTeam(string language = "en") =>
        Evaluate(March, language, Utc, Rep("rA", "Rep A", [SlippedDeal()]), Rep("rB", "Rep B", [ReadyMadeWin()]));

    [Fact]
    public void On_time_rate_leaves_out_the_stage_the_manager_confirmed_as_customer_caused()
    {
        var a = MarchTeam().Reps.Single(r => r.RepId == "rA");
        var onTime = a.Indicator(M.OnTimeRate);

        Assert.Equal(50m, onTime.Score);
        Assert.Equal("1 / 2, 50%", onTime.DisplayValue);
        Assert.Contains("1 of 2 stages approved in the period were on time (1 customer-caused late stage(s), as confirmed by the manager, excluded)", onTime.HowComputed);
    }

    [Fact]
    public void Process_work_on_a_deal_that_slipped_past_the_period_is_recognised()
    {
        var a = MarchTeam().Reps.Single(r => r.RepId == "rA");

        var completion = a.Indicator(M.CompletionRate);
        Assert.Equal(100m, completion.Score);
        Assert.Contains("3 of 3 stages due or approved in the period were approved by its end (3 of them on deals not yet closed, counted all the same)", completion.HowComputed);
        var conversion = a.Indicator(M.Conversion);
        Assert.Equal(100m, conversion.Score);
        Assert.Contains("3 of 3 stages entered in the period led on to the next stage by its end (1 still within their due time not counted)", conversion.HowComputed);
        Assert.Equal(0m, a.Dimension(M.Result).Score);
        // Follow-ups 2 (team best) 15×100, completion 20×100, on-time 25×50, revisions 10×100, conversion 20×100; no send-backs: / 90.
        Assert.Equal(86.1m, a.Dimension(M.Process).Score);
        Assert.False(a.Indicator(M.SendBackResponse).Scored);
        Assert.Contains("not scored", a.Indicator(M.SendBackResponse).HowComputed);
    }

    [Fact]
    public void Totals_ranks_and_team_averages_are_the_hand_computed_ones()
    {
        var team = MarchTeam();
        var b = team.Reps[0];
        var a = team.Reps[1];

        Assert.Equal(("rB", 1, "rA", 2), (b.RepId, b.Rank, a.RepId, a.Rank));
        // Rep B: result 100, process (20+25+10+20)×100/90 = 83.3, ability not rated, growth 0 → (30×100 + 40×83.3 + 10×0) / 80.
        Assert.Equal(83.3m, b.Dimension(M.Process).Score);
        Assert.Equal(79.2m, b.TotalScore);
        // Rep A: (30×0 + 40×86.1 + 10×0) / 80 = 43.05 → 43.1.
        Assert.Equal(43.1m, a.TotalScore);
        Assert.Equal(61.2m, a.TeamAverageTotal);
        Assert.Equal(84.7m, a.Dimension(M.Process).TeamAverage);
        Assert.Equal(2, a.TeamSize);
        Assert.False(a.Dimension(M.Ability).Scored);
        // Nobody in the team was rated, so there is no team average to print (not a 0); the process dimension has one.
        Assert.False(a.Dimension(M.Ability).TeamScored);
        Assert.True(a.Dimension(M.Process).TeamScored);
        // An indicator has a team average when any rep of the team was scored on it (rep A had no send-backs).
        Assert.False(a.Indicator(M.SendBackResponse).Scored);
        Assert.Equal(b.Indicator(M.SendBackResponse).Scored, a.Indicator(M.SendBackResponse).TeamScored);

        var won = b.Indicator(M.ContractsWon);
        Assert.Equal((1m, 100m, 50m), (won.Value, won.Score, won.TeamAverageScore));
        Assert.Contains("team best 1 → 1 / 1 × 100 = 100", won.HowComputed);
        Assert.Equal("¥1,180,000", b.Indicator(M.ContractValue).DisplayValue);
        Assert.Contains("team best 1 → 0 / 1 × 100 = 0", a.Indicator(M.ContractsWon).HowComputed);
    }

    [Fact]
    public void Delay_lines_carry_the_reason_the_confirmed_attribution_and_the_ledgers_deduction()
    {
        var deal = SlippedDeal();
        var a = Evaluate(March, "en", Utc, Rep("rA", "Rep A", [deal])).Reps.Single();

        Assert.Collection(a.Delays,
            needs =>
            {
                Assert.Equal(("Needs-analysis report", 2, "Customer has not provided the consumption data"), (needs.StageName, needs.LateDays, needs.Reason));
                Assert.Equal(("customer", "Customer (re-classified by the manager)", 0m, false),
                    (needs.AttributionKey, needs.Attribution, needs.Deduction, needs.CountsAgainstRep));
            },
            demo =>
            {
                Assert.Equal(("Solution demo", 2, "Demo room not booked in time"), (demo.StageName, demo.LateDays, demo.Reason));
                Assert.Equal(("rep", 4m, true), (demo.AttributionKey, demo.Deduction, demo.CountsAgainstRep));
            });
        var ledger = deal.Score.Where(e => e.Kind is ScoreKind.LateDeduction or ScoreKind.AttributionAdjusted).Sum(e => e.Points);
        Assert.Equal(-ledger, a.Delays.Sum(d => d.Deduction));
        Assert.Equal(3, deal.Score.Count(e => e.Kind is ScoreKind.LateDeduction or ScoreKind.AttributionAdjusted));
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
    }
}
