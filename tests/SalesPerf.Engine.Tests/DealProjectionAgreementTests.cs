using System.Reflection;
using System.Text.Json.Serialization;
using SalesPerf.Engine.Dashboards;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Engine.Flows.Migration;
using SalesPerf.Engine.Projections;
using static SalesPerf.Engine.Tests.TestFlows;

namespace SalesPerf.Engine.Tests;

/// <summary>
/// The one projection of a deal's events agrees with the decider's own fold (<see cref="DealState"/>) on every event type,
/// so the evaluation, the dashboards and the deal page cannot drift apart again.
/// </summary>
public class DealProjectionAgreementTests
{
    private static readonly Actor Sweeper = new("system", new HashSet<string> { Actor.SystemRole }, IsOwner: false, IsOwnersManager: false);

    /// <summary>A deal that goes through every kind of event there is.</summary>
    private static DealScenario EveryEvent(bool win)
    {
        var v1 = CompileOrFail(Mini([Start(), Stage("visit", "7d", "-2d"), Stage("offer"), Stage("close"), Won()],
            ("start", "Done", "visit"), ("visit", "Approved", "offer"), ("offer", "Approved", "close"), ("offer", "SentBack", "visit"), ("close", "Approved", "won")));
        var v2 = FlowCompiler.Compile(Mini([Start(), Stage("visit", "7d", "-2d"), Stage("offer"), Stage("quote", "3d"), Won()],
            ("start", "Done", "visit"), ("visit", "Approved", "offer"), ("offer", "Approved", "quote"), ("offer", "SentBack", "visit"), ("quote", "Approved", "won")), version: 2).FlowOrThrow();
        var s = DealScenario.Started(v1);                                                      // created, stage started
        s.Do(new LogFollowUp(s.Now, "First meeting with the plant manager", "Load data", null, null), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(6));                                                  // the reminder 2 days before the due time
        s.Do(new RecordDueItemsFired("visit", 1, DealTransition.PendingDueItems(s.Deal).Where(i => i.DueAt <= s.Now).Select(i => i.Key).ToList()), Sweeper);
        s.Clock.Advance(TimeSpan.FromDays(2));                                                  // overdue
        s.Do(new RecordDelayReason("Customer moved the meeting twice", DelayAttribution.Customer), Actors.Rep);
        s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "Seen the mails"), Actors.Manager); // confirmed
        s.Submit(new DeliverableBuilder().Value("notes", "Met the plant manager"));
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Add who attended, please", null), Actors.Manager);
        s.Submit(new DeliverableBuilder().Value("notes", "Met the plant manager and the CFO"));
        s.Approve();                                                                            // visit late, offer starts
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit(new DeliverableBuilder().Value("notes", "Offer V1 sent to the customer"));
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "The customer wants another visit first", "visit"), Actors.Manager);
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit(new DeliverableBuilder().Value("notes", "Second visit with the engineers"));
        s.Approve();                                                                            // visit run 2, offer run 2
        s.Do(new HoldDeal("Customer froze the budget"), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(3));
        s.Do(new ResumeDeal(), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit(new DeliverableBuilder().Value("notes", "Offer V2 with lower capex"));
        s.Approve();                                                                            // close starts
        s.Clock.Advance(TimeSpan.FromDays(12));                                                 // late
        s.Do(new RecordDelayReason("Waiting for the legal review", DelayAttribution.Other), Actors.Rep);
        s.Do(new ReclassifyDelay(2, DelayAttribution.Rep, "Legal answered in a day"), Actors.Manager);
        s.Do(new MigrateDeal(v2, new Dictionary<string, string> { ["close"] = "quote" }), Actors.Admin);
        s.Clock.Advance(TimeSpan.FromDays(1));
        if (win) s.Do(new WinDeal(2_400_000, "Signed"), Actors.Manager);
        else s.Do(new LoseDeal("Customer chose a competitor's offer"), Actors.Manager);
        s.Do(new AdjustScore(3, "The legal review really took a week: the rep asked in time", "dispute #1"), Actors.Manager); // after closing
        return s;
    }

    [Fact]
    public void The_scenario_covers_every_event_type()
    {
        var types = typeof(DealEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var seen = EveryEvent(win: true).Events.Select(e => e.Event.GetType()).Concat(EveryEvent(win: false).Events.Select(e => e.Event.GetType())).ToHashSet();

        Assert.Empty(types.Except(seen).Select(t => t.Name));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_projection_and_the_deals_state_tell_the_same_story(bool win)
    {
        var s = EveryEvent(win);
        var state = s.Deal;
        var p = DealProjection.From(new(s.Events.Select(e => e.Event).ToList(), s.Flow));

        Assert.Equal(state.AllRuns.Select(r => (r.StageKey, r.Run, r.Status == StageRunStatus.Approved, r.LateDays, r.Schedule.DueAt)),
            p.Runs.Select(r => (r.StageKey, r.Run, r.ApprovedAt is not null, r.LateDays, r.Due)));
        Assert.Equal(state.AllRuns.Where(r => r.Status == StageRunStatus.Approved).Select(r => r.ApprovedAt),
            p.Runs.Where(r => r.ApprovedAt is not null).Select(r => r.ApprovedAt));
        Assert.Equal(state.Delays.Select(d => (d.DelayNo, d.Attribution, d.Decided, d.Counted)),
            p.Delays.Values.OrderBy(d => d.DelayNo).Select(d => (d.DelayNo, d.Attribution, d.Decided, d.Counted)));
        Assert.Equal(state.FollowUps.Select(f => (f.VisitedAt, f.Content)), p.FollowUps.Select(f => (f.VisitedAt, f.Content)));
        Assert.Equal(state.Status, p.StatusAt(s.Now.AddTicks(1)));
        Assert.Equal(win ? state.ClosedAt : null, p.WonAt);
        Assert.Equal(win ? state.ContractValue : null, p.WonValue);
        Assert.Equal(state.AllRuns.Sum(r => r.Submissions) - state.AllRuns.Count(r => r.Status == StageRunStatus.Approved), p.SendBacks.Count);
        Assert.Single(p.Holds);

        // The dashboards' compact view is the same runs.
        var facts = DealFacts.From(s.DealId, s.Events.Select(e => e.Event));
        Assert.Equal(p.Runs.Select(r => (r.StageKey, r.Due, r.LateDays, r.SentBackAt.Count)),
            facts.Stages.Select(r => (r.StageKey, r.DueAt, r.LateDays, r.SentBackAt.Count)));
        Assert.True(facts.Stages[0].CustomerWait); // the first visit's wait was confirmed as the customer's
        Assert.Equal([StageRunEnd.Approved, StageRunEnd.SentBack, StageRunEnd.Approved, StageRunEnd.Approved, StageRunEnd.Migrated, win ? StageRunEnd.Closed : StageRunEnd.Closed],
            facts.Stages.Select(r => r.End));
    }
}
