using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Scheduling;
using static SalesPerf.Engine.Tests.TestFlows;

namespace SalesPerf.Engine.Tests;

public class StageScheduleTests
{
    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, (DueKind Kind, DateTimeOffset At)> ByKey(StageSchedule s) =>
        s.Items.ToDictionary(i => i.Key, i => (i.Kind, i.DueAt));

    [Fact]
    public void Due_time_and_reminders_are_fixed_when_the_stage_starts()
    {
        var firstVisit = Default["first-visit"]; // 7d, reminders -2d and 0, repeat 1d, escalate after 3d
        var monday = Utc(3, 2, 9);

        var schedule = StageSchedule.For(firstVisit, monday, BusinessCalendar.Utc);

        Assert.Equal(monday, schedule.StartedAt);
        Assert.Equal(Utc(3, 9, 9), schedule.DueAt);
        Assert.Equal(new Dictionary<string, (DueKind, DateTimeOffset)>
        {
            ["reminder:-2d"] = (DueKind.Reminder, Utc(3, 7, 9)),
            ["deadline"] = (DueKind.Deadline, Utc(3, 9, 9)),
            ["reminder:0"] = (DueKind.Reminder, Utc(3, 9, 9)),
            ["overdue:1"] = (DueKind.OverdueReminder, Utc(3, 10, 9)),
            ["escalation"] = (DueKind.Escalation, Utc(3, 12, 9)),
        }, ByKey(schedule));
        Assert.Equal(schedule.Items.OrderBy(i => i.DueAt).Select(i => i.DueAt), schedule.Items.Select(i => i.DueAt));
    }

    [Fact]
    public void Business_day_deadlines_and_reminders_skip_a_holiday_week()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc,
            holidays: Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
            makeUpWorkdays: [new DateOnly(2026, 10, 10)]);
        var needsAnalysis = Default["needs-analysis"]; // 5bd, reminders -2bd, -1bd, 0, repeat 1d, escalate after 2bd

        var schedule = StageSchedule.For(needsAnalysis, Utc(9, 29, 9), calendar);

        Assert.Equal(Utc(10, 12, 9), schedule.DueAt);
        var items = ByKey(schedule);
        Assert.Equal(Utc(10, 9, 9), items["reminder:-2bd"].At);
        Assert.Equal(Utc(10, 10, 9), items["reminder:-1bd"].At); // the make-up Saturday
        Assert.Equal(Utc(10, 12, 9), items["reminder:0"].At);
        Assert.Equal(Utc(10, 13, 9), items["overdue:1"].At);
        Assert.Equal(Utc(10, 14, 9), items["escalation"].At);
    }

    [Fact]
    public void A_reminder_that_would_fall_before_the_start_is_dropped()
    {
        // 5 calendar days, reminded 4 business days and 1 day before: started on a Friday, the due time is
        // Wednesday and 4 business days before it is the Thursday before the start.
        var stage = CompileOrFail(SingleStage(Stage("visit", "5d", "-4bd,-1d")))["visit"];
        var friday = Utc(3, 6, 9);

        var schedule = StageSchedule.For(stage, friday, BusinessCalendar.Utc);

        Assert.Equal(Utc(3, 11, 9), schedule.DueAt);
        Assert.Equal(["reminder:-1d", "deadline"], schedule.Items.Select(i => i.Key));
        Assert.Equal(Utc(3, 10, 9), schedule.Items[0].DueAt);

        // Started on a Monday, the same reminder is kept.
        var fromMonday = StageSchedule.For(stage, Utc(3, 2, 9), BusinessCalendar.Utc);
        Assert.Equal(Utc(3, 3, 9), ByKey(fromMonday)["reminder:-4bd"].At);
    }

    [Fact]
    public void A_stage_without_reminders_only_has_its_deadline()
    {
        var stage = CompileOrFail(SingleStage(Stage("visit", "36h")))["visit"];

        var schedule = StageSchedule.For(stage, Utc(3, 2, 9), BusinessCalendar.Utc);

        var only = Assert.Single(schedule.Items);
        Assert.Equal(new DueItem(DueKind.Deadline, "deadline", Utc(3, 3, 21)), only);
    }

    [Fact]
    public void The_overdue_repeat_is_not_doubled_when_a_reminder_is_already_due_then()
    {
        var json = Stage("visit", "5d", "+1d");
        json["repeatWhileOverdue"] = "1d";
        var stage = CompileOrFail(SingleStage(json))["visit"];

        var schedule = StageSchedule.For(stage, Utc(3, 2, 9), BusinessCalendar.Utc);

        Assert.Equal(["deadline", "reminder:+1d"], schedule.Items.Select(i => i.Key));
    }

    [Fact]
    public void A_reminder_standing_in_for_the_first_overdue_repeat_starts_the_repeats()
    {
        var json = Stage("visit", "5d", "+1d");
        json["repeatWhileOverdue"] = "1d";
        var stage = CompileOrFail(SingleStage(json))["visit"];
        var schedule = StageSchedule.For(stage, Utc(3, 2, 9), BusinessCalendar.Utc);
        var reminder = schedule.Items.Single(i => i.Key == "reminder:+1d");

        var next = StageSchedule.NextOverdueRepeat(stage, schedule.DueAt, [reminder], BusinessCalendar.Utc, reminder.DueAt);

        Assert.Equal(("overdue:2", Utc(3, 9, 9)), (next!.Key, next.DueAt)); // due 3-7, reminder 3-8, then every day
    }

    [Fact]
    public void Shifting_moves_the_due_time_and_every_item_but_not_the_start()
    {
        var schedule = StageSchedule.For(Default["first-visit"], Utc(3, 2, 9), BusinessCalendar.Utc);

        var shifted = schedule.ShiftedBy(TimeSpan.FromDays(3));

        Assert.Equal(Utc(3, 2, 9), shifted.StartedAt);
        Assert.Equal(Utc(3, 12, 9), shifted.DueAt);
        Assert.Equal(schedule.Items.Select(i => (i.Kind, i.Key, i.DueAt.AddDays(3))), shifted.Items.Select(i => (i.Kind, i.Key, i.DueAt)));
        Assert.Equal(Utc(3, 9, 9), schedule.DueAt); // the original is unchanged
    }

    [Fact]
    public void Shanghai_due_times_keep_the_local_start_time()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var start = Utc(3, 6, 2); // Friday 10:00 in Shanghai

        var schedule = StageSchedule.For(Default["needs-analysis"], start, calendar);

        Assert.Equal(new DateTime(2026, 3, 13, 10, 0, 0), calendar.ToLocal(schedule.DueAt).DateTime);
        Assert.Equal(new DateTime(2026, 3, 11, 10, 0, 0), calendar.ToLocal(ByKey(schedule)["reminder:-2bd"].At).DateTime);
    }
}
