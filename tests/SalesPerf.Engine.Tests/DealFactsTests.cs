using SalesPerf.Engine.Dashboards;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Engine.Flows.Migration;
using static SalesPerf.Engine.Tests.TestFlows;

namespace SalesPerf.Engine.Tests;

/// <summary>The dashboards' facts of a deal read its stage runs the way the deal itself does.</summary>
public class DealFactsTests
{
    [Fact]
    public void Migrating_to_another_stage_ends_the_old_run_and_starts_a_fresh_one()
    {
        var v1 = CompileOrFail(Mini([Start(), Stage("visit"), Stage("offer"), Won()],
            ("start", "Done", "visit"), ("visit", "Approved", "offer"), ("offer", "Approved", "won")));
        var v2 = FlowCompiler.Compile(Mini([Start(), Stage("visit"), Stage("quote", "3d"), Won()],
            ("start", "Done", "visit"), ("visit", "Approved", "quote"), ("quote", "Approved", "won")), version: 2).FlowOrThrow();
        var s = DealScenario.Started(v1);
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit(new DeliverableBuilder().Value("notes", "Met the plant manager"));
        s.Approve();                                                            // Tue 3 Mar: offer starts
        var offerStarted = s.Now;
        s.Clock.Advance(TimeSpan.FromDays(2));                                  // Thu 5 Mar: moved to v2's quote
        s.Do(new MigrateDeal(v2, new Dictionary<string, string> { ["offer"] = "quote" }), Actors.Admin);

        var facts = DealFacts.From(s.DealId, s.Events.Select(e => e.Event));

        Assert.Equal(["visit", "offer", "quote"], facts.Stages.Select(r => r.StageKey));
        var offer = facts.Stages[1];
        Assert.Equal((offerStarted, s.Now), (offer.StartedAt, offer.EndedAt));
        Assert.Equal(StageRunEnd.Migrated, offer.End);
        var quote = facts.Stages[2];
        Assert.Equal((s.Now, (DateTimeOffset?)null, StageRunEnd.Open), (quote.StartedAt, quote.EndedAt, quote.End));
        Assert.Equal(s.Deal.Current!.Schedule.DueAt, quote.DueAt);
    }
}
