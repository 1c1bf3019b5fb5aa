using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Tests;

/// <summary>Builds evaluation input from deals driven through the real decider (DealScenario), as the host would load them.</summary>
internal static class EvaluationTestKit
{
    public static readonly EvaluationPeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
    public static readonly EvaluationSettings Utc = EvaluationSettings.Default(TimeZoneInfo.Utc);

    public static DealHistory History(this DealScenario s) => new(s.Events.Select(e => e.Event).ToList(), s.Flow);

    public static IReadOnlyList<LedgerLine> Ledger(this DealScenario s) => s.Score.Select(e => new LedgerLine(s.DealId, e)).ToList();

    public static RepInput Rep(string id, string name, IEnumerable<DealScenario>? deals = null, IEnumerable<RatingInput>? ratings = null,
        IEnumerable<TrainingInput>? trainings = null, IEnumerable<ManagerComment>? comments = null)
    {
        var list = (deals ?? []).ToList();
        return new RepInput(id, name, list.Select(History).ToList(), list.SelectMany(Ledger).ToList(), (ratings ?? []).ToList(),
            (trainings ?? []).ToList(), (comments ?? []).ToList());
    }

    public static TeamEvaluation Evaluate(EvaluationPeriod period, string language, EvaluationSettings settings, params RepInput[] reps) =>
        Evaluator.EvaluateTeam(new TeamInput("North", "mgr", reps), period, language, settings);

    public static IndicatorResult Indicator(this RepEvaluation e, string key) => e.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Key == key);
    public static DimensionResult Dimension(this RepEvaluation e, string key) => e.Dimensions.Single(d => d.Key == key);

    public static void Late(this DealScenario s, TimeSpan wait, string reason, DelayAttribution attribution)
    {
        s.Clock.Advance(wait);
        s.Do(new RecordDelayReason(reason, attribution), Actors.Rep);
        s.Submit();
        s.Approve();
    }

    public static void OnTime(this DealScenario s, TimeSpan wait)
    {
        s.Clock.Advance(wait);
        s.Submit();
        s.Approve();
    }

    /// <summary>
    /// Rep A's March: first visit on time; needs analysis 2 business days late (rep-caused, re-classified to customer by
    /// the manager); solution demo 2 days late (rep-caused); customer feedback open at the month's end (due 4 April);
    /// two follow-ups. The deal is not closed: the work slipped past the period.
    /// </summary>
    public static DealScenario SlippedDeal()
    {
        var s = DealScenario.Started();                                        // Mon 2 Mar 09:00, first visit due 9 Mar
        s.Do(new LogFollowUp(s.Now, "Site visit with the plant manager", "Load data", null, null), Actors.Rep);
        s.OnTime(TimeSpan.FromDays(1));                                        // 3 Mar: needs analysis due 10 Mar (5 business days)
        s.Late(TimeSpan.FromDays(9), "Customer has not provided the consumption data", DelayAttribution.Rep); // 12 Mar: 2 bd late
        s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "Confirmed with the customer: data came late"), Actors.Manager);
        s.Do(new LogFollowUp(s.Now, "Call about the demo date", null, null, null), Actors.Rep);
        s.Late(TimeSpan.FromDays(16), "Demo room not booked in time", DelayAttribution.Rep); // 28 Mar: demo due 26 Mar, 2 days late
        return s;
    }

    /// <summary>Rep B's March: a ready-made deal driven from first visit to signed contract, one day a stage, all on time.</summary>
    public static DealScenario ReadyMadeWin()
    {
        var s = DealScenario.Started();
        while (s.Deal.Current is not null) s.OnTime(TimeSpan.FromDays(1));
        return s;
    }
}
