using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Calendar;

/// <summary>
/// Working days in the company's time zone: Monday–Friday, minus public holidays, plus make-up working days
/// (调休: a Saturday or Sunday that is worked in exchange for a longer holiday).
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? makeUpWorkdays = null)
    {
        Zone = zone;
        _holidays = [.. holidays ?? []];
        _makeUpWorkdays = [.. makeUpWorkdays ?? []];
    }

    public static BusinessCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    public bool IsBusinessDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) ||
        (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>Adds a flow duration; day units keep the local time of day.</summary>
    public DateTimeOffset Add(DateTimeOffset instant, FlowDuration duration) => duration.Unit switch
    {
        DurationUnit.Hours => instant.AddHours(duration.Amount),
        DurationUnit.CalendarDays => AtSameLocalTime(instant, LocalDate(instant).AddDays(duration.Amount)),
        _ => AtSameLocalTime(instant, AddBusinessDays(LocalDate(instant), duration.Amount)),
    };

    public DateOnly AddBusinessDays(DateOnly day, int count)
    {
        var step = Math.Sign(count);
        for (var left = Math.Abs(count); left > 0;)
        {
            day = day.AddDays(step);
            if (IsBusinessDay(day)) left--;
        }
        return day;
    }

    /// <summary>
    /// Days late when something due at <paramref name="due"/> happens at <paramref name="at"/>: whole calendar
    /// days begun, or business days begun for business-day deadlines; any lateness counts as at least one day.
    /// </summary>
    public int LateDays(DateTimeOffset due, DateTimeOffset at, DurationUnit unit)
    {
        if (at <= due) return 0;
        if (unit != DurationUnit.BusinessDays)
            return (int)Math.Ceiling((at - due).TotalDays);
        var count = 0;
        for (var d = LocalDate(due).AddDays(1); d <= LocalDate(at); d = d.AddDays(1))
            if (IsBusinessDay(d)) count++;
        return Math.Max(1, count);
    }

    private DateTimeOffset AtSameLocalTime(DateTimeOffset instant, DateOnly day)
    {
        var local = ToLocal(instant);
        return ZonedTime.Instant(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), Zone);
    }
}
