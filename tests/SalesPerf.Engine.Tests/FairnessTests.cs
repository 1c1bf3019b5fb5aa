using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;
using static SalesPerf.Engine.Tests.EvaluationTestKit;
using M = SalesPerf.Engine.Evaluation.EvaluationModel;

namespace SalesPerf.Engine.Tests;

/// <summary>
/// The source's third pain point, as scenarios with different numbers: a diligent rep whose deal signs a few days after
/// the period end (with a customer-caused wait the manager confirmed) against a teammate with the same targets who
/// signed a large contract with two send-backs and two rep-caused late stages. The diligent rep must never rank below.
/// </summary>
public class FairnessTests
{
    /// <summary>Spotless March: eight follow-ups, every stage on time but one confirmed customer wait; in the contract stage at the end, signed 3 April.</summary>
    private static DealScenario Diligent(decimal estimatedValue)
    {
        var s = new DealScenario().Create(estimatedValue);                    // Mon 2 Mar 09:00
        for (var i = 1; i <= 8; i++) s.Do(new LogFollowUp(s.Now, $"Visit {i}: load data and site walk", null, null, null), Actors.Rep);
        s.OnTime(TimeSpan.FromDays(1));                                         // 3 Mar: needs analysis due 10 Mar
        s.Clock.Advance(TimeSpan.FromDays(9).Subtract(TimeSpan.FromHours(1)));  // 12 Mar 08:00: 2 business days late
        s.Do(new RecordDelayReason("Customer had not sent the consumption data", DelayAttribution.Customer), Actors.Rep);
        s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "Checked the mails: the data came on the 11th"), Actors.Manager);
        s.Submit();
        s.Approve();
        s.OnTime(TimeSpan.FromDays(1));                                         // demo
        s.OnTime(TimeSpan.FromDays(1));                                         // customer feedback → negotiation, due 4 Apr
        s.OnTime(TimeSpan.FromDays(11));                                        // 25 Mar: negotiation → contract, due 4 Apr
        s.Clock.Advance(TimeSpan.FromDays(9));                                  // 3 Apr: signed, three days after the month
        s.Submit();
        s.Approve();
        return s;
    }

    /// <summary>A large win in March with two send-backs (answered the next day) and two rep-caused late stages.</summary>
    private static DealScenario Sloppy(decimal contractValue, int lateDays)
    {
        var s = DealScenario.Started();                                         // Mon 2 Mar 09:00
        for (var i = 1; i <= 8; i++) s.Do(new LogFollowUp(s.Now, $"Call {i}", null, null, null), Actors.Rep);
        SentBackOnce(s);                                                        // first visit, 4 Mar
        s.Late(TimeSpan.FromDays(7 + lateDays).Subtract(TimeSpan.FromHours(1)), "I was busy with another bid", DelayAttribution.Rep);
        SentBackOnce(s);                                                        // demo
        s.Late(TimeSpan.FromDays(7 + lateDays).Subtract(TimeSpan.FromHours(1)), "Forgot to send the minutes", DelayAttribution.Rep);
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Do(new WinDeal(contractValue, "Signed"), Actors.Manager);
        return s;
    }

    private static void SentBackOnce(DealScenario s)
    {
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit();
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Incomplete: add the attendees and the next step", null), Actors.Manager);
        s.OnTime(TimeSpan.FromDays(1));
    }

    private static RepTarget[] Targets(decimal value) => [new(TargetMetrics.ContractValue, value, "2026-03"), new(TargetMetrics.ContractsWon, 1, "2026-03")];

    [Theory]
    [InlineData(1_000_000, 1_000_000, 5_000_000, 1)]
    [InlineData(1_000_000, 1_200_000, 3_000_000, 3)]
    [InlineData(1_000_000, 2_000_000, 10_000_000, 2)]
    [InlineData(2_000_000, 2_000_000, 2_500_000, 1)]
    [InlineData(500_000, 800_000, 4_000_000, 2)]
    public void The_diligent_rep_whose_deal_slipped_never_ranks_below_the_sloppy_rep_with_a_large_win(
        decimal target, decimal diligentDealValue, decimal sloppyWin, int lateDays)
    {
        var diligent = Rep("rA", "Diligent", [Diligent(diligentDealValue)]) with { Targets = Targets(target) };
        var sloppy = Rep("rB", "Sloppy", [Sloppy(sloppyWin, lateDays)]) with { Targets = Targets(target) };

        var team = Evaluate(March, "en", Utc, diligent, sloppy);
        var a = team.Reps.Single(r => r.RepId == "rA");
        var b = team.Reps.Single(r => r.RepId == "rB");

        Assert.True(a.TotalScore >= b.TotalScore, $"diligent {a.TotalScore} < sloppy {b.TotalScore}");
        Assert.True(a.Rank <= b.Rank);
        // The reasons are on the page: the diligent rep's groundwork is pipeline credit, the sloppy rep's faults are deductions.
        Assert.True(a.Indicator(M.Pipeline).Score > 0);
        Assert.Equal(2, b.Deductions.Count(d => d.Kind == "sendBack"));
        Assert.Equal(2, b.Deductions.Count(d => d.Kind == "late"));
        Assert.Empty(a.Deductions);
        Assert.True(b.Indicator(M.ContractValue).Score == 100, "the win is capped at the target, not ignored");
    }

    [Fact]
    public void In_the_month_the_slipped_deal_signs_the_diligent_rep_gets_the_contract()
    {
        var april = new EvaluationPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));
        var a = Evaluate(april, "en", Utc, Rep("rA", "Diligent", [Diligent(1_200_000)]) with { Targets = Targets(1_000_000) }).Reps.Single();

        Assert.Equal(100m, a.Indicator(M.ContractValue).Score);
        Assert.Equal(100m, a.Indicator(M.OnTimeRate).Score);
    }
}
