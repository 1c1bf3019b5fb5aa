namespace SalesPerf.Engine.Calendar;

/// <summary>Local dates and times of a time zone as instants (the company's zone, or a person's).</summary>
public static class ZonedTime
{
    /// <summary>The instant a wall-clock time in <paramref name="zone"/> stands for (its kind is ignored).</summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock)).ToUniversalTime();
    }

    /// <summary>Local midnight at the start of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => Instant(day.ToDateTime(TimeOnly.MinValue), zone);
}
