using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Tests;

/// <summary>The sweeper records what it handled; overdue reminders repeat; downtime gives one notice, not a backlog.</summary>
public class DueItemsFiredTests
{
    private static readonly Actor Sweeper = new("system", new HashSet<string> { Actor.SystemRole }, IsOwner: false, IsOwnersManager: false);

    private static IReadOnlyList<string> DueNow(DealScenario s) =>
        DealTransition.PendingDueItems(s.Deal).Where(i => i.DueAt <= s.Now).Select(i => i.Key).ToList();

    [Fact]
    public void Fired_items_are_no_longer_pending_and_the_next_due_moves_on()
    {
        var s = DealScenario.Started(); // first visit: due Monday 9 March 09:00, reminders at -2d and 0
        s.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(["reminder:-2d"], DueNow(s));

        s.Do(new RecordDueItemsFired("first-visit", 1, DueNow(s)), Sweeper);

        Assert.Empty(DueNow(s));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), DealTransition.NextDue(s.Deal)!.DueAt); // reminder:0 and the deadline
    }

    [Fact]
    public void Only_the_sweeper_records_fired_items_and_only_pending_ones()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(DealErrorKind.Forbidden, s.Refused(new RecordDueItemsFired("first-visit", 1, ["reminder:-2d"]), Actors.Manager).Kind);
        Assert.Equal("notPending", s.Refused(new RecordDueItemsFired("first-visit", 1, ["reminder:+9d"]), Sweeper).Code);
        Assert.Equal("notPending", s.Refused(new RecordDueItemsFired("first-visit", 2, ["reminder:-2d"]), Sweeper).Code);

        s.Do(new RecordDueItemsFired("first-visit", 1, ["reminder:-2d"]), Sweeper);
        Assert.Equal("notPending", s.Refused(new RecordDueItemsFired("first-visit", 1, ["reminder:-2d"]), Sweeper).Code); // twice: refused
    }

    [Fact]
    public void An_overdue_reminder_repeats_while_the_stage_stays_late()
    {
        var s = DealScenario.Started(); // first visit repeats every 1d while overdue
        s.Clock.Advance(TimeSpan.FromDays(8) + TimeSpan.FromMinutes(1)); // due 9 March 09:00; overdue:1 at 10 March 09:00
        s.Do(new RecordDueItemsFired("first-visit", 1, DueNow(s)), Sweeper);
        var next = DealTransition.PendingDueItems(s.Deal).Single(i => i.Kind == DueKind.OverdueReminder);
        Assert.Equal(("overdue:2", new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero)), (next.Key, next.DueAt));
    }

    [Fact]
    public void After_a_week_of_downtime_everything_due_is_handled_at_once_and_the_next_repeat_is_in_the_future()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(16)); // everything of the first week is long past

        var due = DueNow(s);
        Assert.Equal(["deadline", "escalation", "overdue:1", "reminder:-2d", "reminder:0"], due.Order());
        s.Do(new RecordDueItemsFired("first-visit", 1, due), Sweeper);

        var pending = DealTransition.PendingDueItems(s.Deal);
        var repeat = Assert.Single(pending);
        Assert.True(repeat.DueAt > s.Now, "the next overdue reminder is in the future, not a backlog of missed ones");
        Assert.True(repeat.DueAt <= s.Now.AddDays(1));
    }

    [Fact]
    public void Submitting_stops_the_reminders_and_a_send_back_re_arms_only_what_has_not_fired()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(5));
        s.Do(new RecordDueItemsFired("first-visit", 1, DueNow(s)), Sweeper);
        s.Submit();
        Assert.Null(DealTransition.NextDue(s.Deal));

        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Add the customer's attendees", null), Actors.Manager);
        Assert.DoesNotContain(DealTransition.PendingDueItems(s.Deal), i => i.Key == "reminder:-2d");
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), DealTransition.NextDue(s.Deal)!.DueAt);
    }
}
