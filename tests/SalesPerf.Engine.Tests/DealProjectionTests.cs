using System.Text.Json;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Tests;

/// <summary>A deal's state is the fold of its stored events: rebuilding it gives the same deal.</summary>
public class DealProjectionTests
{
    /// <summary>A deal with a bit of everything: follow-up, late stage, send-back to an earlier stage, hold, resume.</summary>
    private static DealScenario BusyDeal()
    {
        var s = DealScenario.Started().AdvanceTo("solution-demo");
        s.Do(new LogFollowUp(s.Now, "Call about the demo agenda", "Wants storage", "Send agenda", new DateOnly(2026, 3, 9)), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(16));
        s.Do(new RecordDelayReason("Customer moved the demo twice", DelayAttribution.Customer), Actors.Rep);
        s.Submit();
        s.Approve();
        s.Submit(DeliverableBuilder.ValidFor("customer-feedback"));
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Customer wants a storage option", "solution-demo"), Actors.Manager);
        s.Do(new HoldDeal("Customer waiting for the subsidy decision"), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(3));
        s.Do(new ResumeDeal(), Actors.Rep);
        return s;
    }

    private static object Key(DealState d) => new
    {
        Stage = d.Current?.StageKey,
        Run = d.Current?.Run,
        RunStatus = d.Current?.Status,
        DueAt = d.Current?.Schedule.DueAt,
        d.Status,
        d.Version,
        d.SubmissionCount,
        History = string.Join(",", d.History.Select(r => $"{r.StageKey}#{r.Run}:{r.Status}:{r.LateDays}")),
        Delays = string.Join(",", d.Delays.Select(x => $"{x.DelayNo}:{x.StageKey}:{x.Attribution}")),
        FollowUps = d.FollowUps.Count,
        d.LastActivityAt,
        d.ContractValue,
    };

    [Fact]
    public void Rebuilding_from_events_gives_the_incrementally_applied_state()
    {
        var s = BusyDeal();

        var rebuilt = DealState.FromEvents(s.Events.Select(e => e.Event));

        Assert.Equal(Key(s.Deal), Key(rebuilt));
        Assert.Equal(("solution-demo", 2, DealStatus.Active), (rebuilt.Current!.StageKey, rebuilt.Current.Run, rebuilt.Status));
        Assert.Equal(s.Events.Count, rebuilt.Version);
        Assert.Equal(Enumerable.Range(1, s.Events.Count), s.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void Events_survive_a_json_round_trip_and_rebuild_the_same_deal()
    {
        var s = BusyDeal();
        var json = s.Events.Select(e => JsonSerializer.Serialize<DealEvent>(e.Event)).ToList();

        var rebuilt = DealState.FromEvents(json.Select(j => JsonSerializer.Deserialize<DealEvent>(j)!));

        Assert.Contains("\"ToStageKey\":\"solution-demo\"", Assert.Single(json, j => j.StartsWith("{\"type\":\"sentBack\"")));
        Assert.Equal(Key(s.Deal), Key(rebuilt));
        Assert.Equal(s.Deal.Current!.Schedule.Items, rebuilt.Current!.Schedule.Items);
        Assert.Equal("Customer moved the demo twice", rebuilt.Delays.Single().Reason);
    }

    [Fact]
    public void A_won_deal_rebuilds_as_won_with_its_value()
    {
        var s = DealScenario.Started().AdvanceTo("contract");
        s.Submit();
        s.Approve();

        var rebuilt = DealState.FromEvents(s.Events.Select(e => e.Event));

        Assert.Equal(Key(s.Deal), Key(rebuilt));
        Assert.Equal((DealStatus.Won, 1_180_000m), (rebuilt.Status, rebuilt.ContractValue));
    }

    [Fact]
    public void A_deal_must_start_with_its_creation()
    {
        var s = DealScenario.Started();
        var withoutCreation = s.Events.Skip(1).Select(e => e.Event);

        var ex = Assert.Throws<InvalidOperationException>(() => DealState.FromEvents(withoutCreation));
        Assert.Equal("The first event of a deal must be its creation, not StageStarted.", ex.Message);
        Assert.Throws<InvalidOperationException>(() => DealState.FromEvents([]));
    }

    [Fact]
    public void The_schedule_a_rep_was_given_does_not_move_when_the_flow_changes()
    {
        var s = DealScenario.Started();
        var due = s.Deal.Current!.Schedule.DueAt;
        var v2 = TestFlows.CompileOrFail(TestFlows.EditDefault(root => root.Activity("first-visit").SetInput("deadline", "3d")));

        var ctx = new DealContext(v2, s.Calendar, s.Now.AddDays(1), Actors.Rep);
        var (t, error) = DealTransition.Run(s.Deal, new LogFollowUp(ctx.Now, "Phone call with the plant manager", null, null, null), ctx);

        Assert.Null(error);
        Assert.Equal(due, t!.After.Current!.Schedule.DueAt);
        Assert.Equal(3, v2["first-visit"].Deadline.Amount);
    }
}
