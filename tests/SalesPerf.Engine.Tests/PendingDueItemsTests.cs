using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Tests;

/// <summary>Which reminders and escalations a host keeps queued after each transition.</summary>
public class PendingDueItemsTests
{
    private static IReadOnlyList<DueItem> Pending(DealScenario s) => DealTransition.PendingDueItems(s.Deal);

    [Fact]
    public void An_open_stage_has_its_deadline_reminders_and_escalation_pending()
    {
        var s = DealScenario.Started();

        var items = Pending(s);

        Assert.Equal(["deadline", "escalation", "overdue:1", "reminder:-2d", "reminder:0"], items.Select(i => i.Key).Order());
        Assert.Equal(items.Select(i => i.DueAt).Order(), items.Select(i => i.DueAt)); // earliest first
        Assert.Equal(s.Deal.Current!.Schedule.Items, items);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), items.Single(i => i.Kind == DueKind.Deadline).DueAt);
    }

    [Fact]
    public void Nothing_is_pending_once_submitted()
    {
        var s = DealScenario.Started();
        s.Submit();

        Assert.Empty(Pending(s));
    }

    [Fact]
    public void Sending_back_to_the_same_stage_puts_the_original_reminders_back()
    {
        var s = DealScenario.Started();
        var original = Pending(s);
        s.Submit();

        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Customer profile is too vague", null), Actors.Manager);

        Assert.Equal(original, Pending(s));
    }

    [Fact]
    public void Approval_replaces_them_with_the_next_stages_items()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(1));
        s.Submit();
        s.Approve();

        var items = Pending(s);

        Assert.Contains(items, i => i.Key == "reminder:-2bd");
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), items.Single(i => i.Kind == DueKind.Deadline).DueAt);
    }

    [Fact]
    public void Nothing_is_pending_on_hold_and_the_shifted_items_come_back_on_resume()
    {
        var s = DealScenario.Started();
        var before = Pending(s);
        s.Do(new HoldDeal("Customer budget review until April"), Actors.Rep);
        Assert.Empty(Pending(s));

        s.Clock.Advance(TimeSpan.FromDays(4));
        s.Do(new ResumeDeal(), Actors.Rep);

        Assert.Equal(before.Select(i => (i.Key, i.DueAt.AddDays(4))), Pending(s).Select(i => (i.Key, i.DueAt)));
    }

    [Fact]
    public void Nothing_is_pending_after_the_deal_is_won()
    {
        var s = DealScenario.Started().AdvanceTo("contract");
        Assert.NotEmpty(Pending(s));
        s.Submit();
        s.Approve();

        Assert.Equal(DealStatus.Won, s.Deal.Status);
        Assert.Empty(Pending(s));
    }

    [Fact]
    public void Nothing_is_pending_after_the_deal_is_lost()
    {
        var s = DealScenario.Started();
        s.Do(new LoseDeal("Customer cancelled the expansion"), Actors.Manager);

        Assert.Empty(Pending(s));
    }
}
