using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Tests;

public class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>National Day 2026: Thu 1 – Wed 7 October off, with Sun 27 September and Sat 10 October worked instead.</summary>
    private static BusinessCalendar NationalDay2026(TimeZoneInfo? zone = null) => new(
        zone ?? TimeZoneInfo.Utc,
        holidays: Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
        makeUpWorkdays: [new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 10)]);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 3, 2, true)]   // Monday
    [InlineData(2026, 3, 6, true)]   // Friday
    [InlineData(2026, 3, 7, false)]  // Saturday
    [InlineData(2026, 3, 8, false)]  // Sunday
    public void Weekdays_are_working_days_and_weekends_are_not(int y, int m, int d, bool working) =>
        Assert.Equal(working, BusinessCalendar.Utc.IsBusinessDay(new DateOnly(y, m, d)));

    [Fact]
    public void Holidays_are_off_and_make_up_weekend_days_are_worked()
    {
        var calendar = NationalDay2026();

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 10, 1)));  // Thursday, holiday
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 10, 7)));  // Wednesday, holiday
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 10, 8)));   // Thursday after the holiday
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 9, 27)));   // Sunday, make-up working day
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 10, 10)));  // Saturday, make-up working day
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 10, 11))); // an ordinary Sunday
    }

    [Fact]
    public void Adding_business_days_skips_the_holiday_week()
    {
        var calendar = NationalDay2026();
        var tuesday = new DateOnly(2026, 9, 29);

        Assert.Equal(new DateOnly(2026, 9, 30), calendar.AddBusinessDays(tuesday, 1));
        Assert.Equal(new DateOnly(2026, 10, 8), calendar.AddBusinessDays(tuesday, 2));
        Assert.Equal(new DateOnly(2026, 10, 9), calendar.AddBusinessDays(tuesday, 3));
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddBusinessDays(tuesday, 4)); // the make-up Saturday
        Assert.Equal(new DateOnly(2026, 10, 12), calendar.AddBusinessDays(tuesday, 5));
    }

    [Fact]
    public void Adding_business_days_counts_a_make_up_sunday_and_can_go_backwards()
    {
        var calendar = NationalDay2026();

        Assert.Equal(new DateOnly(2026, 9, 27), calendar.AddBusinessDays(new DateOnly(2026, 9, 25), 1));
        Assert.Equal(new DateOnly(2026, 9, 30), calendar.AddBusinessDays(new DateOnly(2026, 10, 8), -1));
        Assert.Equal(new DateOnly(2026, 3, 6), BusinessCalendar.Utc.AddBusinessDays(new DateOnly(2026, 3, 9), -1));
        Assert.Equal(new DateOnly(2026, 3, 9), BusinessCalendar.Utc.AddBusinessDays(new DateOnly(2026, 3, 9), 0));
    }

    [Fact]
    public void Adding_a_flow_duration_keeps_the_time_of_day()
    {
        var calendar = NationalDay2026();
        var tuesday = Utc(9, 29, 9, 30);

        Assert.Equal(Utc(10, 9, 9, 30), calendar.Add(tuesday, new FlowDuration(3, DurationUnit.BusinessDays)));
        Assert.Equal(Utc(10, 2, 9, 30), calendar.Add(tuesday, new FlowDuration(3, DurationUnit.CalendarDays)));
        Assert.Equal(Utc(9, 30, 21, 30), calendar.Add(tuesday, new FlowDuration(36, DurationUnit.Hours)));
        Assert.Equal(Utc(9, 27, 9, 30), calendar.Add(tuesday, new FlowDuration(-2, DurationUnit.BusinessDays)));
    }

    [Fact]
    public void Late_days_in_calendar_units_count_every_day_begun()
    {
        var due = Utc(3, 2, 9);
        var calendar = BusinessCalendar.Utc;

        Assert.Equal(0, calendar.LateDays(due, due, DurationUnit.CalendarDays));
        Assert.Equal(0, calendar.LateDays(due, due.AddHours(-5), DurationUnit.CalendarDays));
        Assert.Equal(1, calendar.LateDays(due, due.AddMinutes(1), DurationUnit.CalendarDays));
        Assert.Equal(2, calendar.LateDays(due, due.AddDays(2), DurationUnit.CalendarDays));
        Assert.Equal(3, calendar.LateDays(due, due.AddDays(2).AddMinutes(1), DurationUnit.CalendarDays));
        Assert.Equal(2, calendar.LateDays(due, due.AddHours(30), DurationUnit.Hours));
    }

    [Fact]
    public void Late_days_in_business_units_skip_the_holiday_week()
    {
        var calendar = NationalDay2026();
        var due = Utc(9, 30, 18);            // Wednesday evening before the holiday
        var afterHoliday = Utc(10, 8, 10);   // Thursday after it

        Assert.Equal(1, calendar.LateDays(due, afterHoliday, DurationUnit.BusinessDays));
        Assert.Equal(8, calendar.LateDays(due, afterHoliday, DurationUnit.CalendarDays));
        Assert.Equal(3, calendar.LateDays(due, Utc(10, 10, 12), DurationUnit.BusinessDays)); // Thu, Fri, make-up Sat
    }

    [Fact]
    public void Any_business_lateness_counts_as_at_least_one_day()
    {
        var friday = Utc(3, 6, 17);

        Assert.Equal(1, BusinessCalendar.Utc.LateDays(friday, friday.AddHours(1), DurationUnit.BusinessDays));
        Assert.Equal(1, BusinessCalendar.Utc.LateDays(friday, Utc(3, 8, 20), DurationUnit.BusinessDays)); // over the weekend
        Assert.Equal(1, BusinessCalendar.Utc.LateDays(friday, Utc(3, 9, 8), DurationUnit.BusinessDays));  // Monday morning
        Assert.Equal(2, BusinessCalendar.Utc.LateDays(friday, Utc(3, 10, 8), DurationUnit.BusinessDays));
    }

    [Fact]
    public void Shanghai_days_keep_the_local_time_of_day()
    {
        var calendar = new BusinessCalendar(Shanghai);
        var friday1730 = Utc(3, 6, 9, 30);   // 17:30 in Shanghai

        var due = calendar.Add(friday1730, new FlowDuration(1, DurationUnit.BusinessDays));

        Assert.Equal(Utc(3, 9, 9, 30), due);
        Assert.Equal(new DateTime(2026, 3, 9, 17, 30, 0), calendar.ToLocal(due).DateTime);
        Assert.Equal(TimeSpan.FromHours(8), calendar.ToLocal(due).Offset);
    }

    [Fact]
    public void Shanghai_business_days_follow_the_local_date_not_the_utc_date()
    {
        var shanghai = new BusinessCalendar(Shanghai);
        var fridayUtc = Utc(3, 6, 16, 30);   // already Saturday 00:30 in Shanghai

        Assert.Equal(new DateOnly(2026, 3, 7), shanghai.LocalDate(fridayUtc));
        Assert.Equal(new DateOnly(2026, 3, 6), BusinessCalendar.Utc.LocalDate(fridayUtc));

        // One business day after Saturday 00:30 local is Monday 00:30 local (Sunday 16:30 UTC); in UTC it would be Monday 16:30.
        Assert.Equal(Utc(3, 8, 16, 30), shanghai.Add(fridayUtc, new FlowDuration(1, DurationUnit.BusinessDays)));
        Assert.Equal(Utc(3, 9, 16, 30), BusinessCalendar.Utc.Add(fridayUtc, new FlowDuration(1, DurationUnit.BusinessDays)));
    }

    [Fact]
    public void Shanghai_holidays_apply_to_local_dates()
    {
        var calendar = NationalDay2026(Shanghai);
        var wednesdayEvening = Utc(9, 30, 10); // 18:00 on Wednesday 30 September in Shanghai

        var due = calendar.Add(wednesdayEvening, new FlowDuration(2, DurationUnit.BusinessDays));

        Assert.Equal(new DateTime(2026, 10, 9, 18, 0, 0), calendar.ToLocal(due).DateTime);
        Assert.Equal(1, calendar.LateDays(wednesdayEvening, Utc(10, 8, 2), DurationUnit.BusinessDays)); // Thu 10:00 local
    }

    [Fact]
    public void Days_keep_the_wall_clock_time_across_a_daylight_saving_change()
    {
        var berlin = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var friday0900 = Utc(3, 27, 8);      // 09:00 CET; clocks go forward on Sunday 29 March

        var monday = berlin.Add(friday0900, new FlowDuration(1, DurationUnit.BusinessDays));

        Assert.Equal(Utc(3, 30, 7), monday); // 09:00 CEST
        Assert.Equal(9, berlin.ToLocal(monday).Hour);
    }
}
