using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Administration;

/// <summary>
/// Holidays and make-up working days (调休). Every edit drops <see cref="CalendarProvider"/>'s cached calendar, so the
/// next stage that starts counts business days with it; stages already running keep the due times they were given.
/// </summary>
public sealed class CalendarAdmin(SalesPerfDbContext db, CalendarProvider calendars, Loc l)
{
    public const int MaxRangeDays = 31;

    public async Task<IReadOnlyList<CalendarDayRecord>> YearAsync(int year, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct);
    }

    /// <summary>Marks every day from <paramref name="from"/> to <paramref name="to"/> (inclusive) as a holiday or a make-up working day.</summary>
    public async Task<string?> AddAsync(DateOnly? from, DateOnly? to, bool workday, string? name, CancellationToken ct = default)
    {
        if (from is not { } first) return l["Choose a date."];
        var last = to ?? first;
        if (last < first) return l["The last day is before the first."];
        if (last.DayNumber - first.DayNumber + 1 > MaxRangeDays) return l["At most {0} days at once.", MaxRangeDays];
        var text = name?.Trim() ?? "";
        if (text.Length == 0) return l["Give the day a name, e.g. National Day."];
        if (text.Length > 100) return l["A name may be at most 100 characters."];
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        if (workday && days.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => (DateOnly?)d).FirstOrDefault() is { } weekday)
            return l["{0} is a weekday and already a working day: make-up working days are Saturdays or Sundays.", Loc.Day(weekday)];
        var existing = await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ToListAsync(ct);
        foreach (var day in days)
        {
            var row = existing.FirstOrDefault(e => e.Date == day);
            if (row is null) db.CalendarDays.Add(new CalendarDayRecord { Date = day, IsWorkday = workday, Name = text });
            else { row.IsWorkday = workday; row.Name = text; }
        }
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return null;
    }

    public async Task<string?> RemoveAsync(DateOnly date, CancellationToken ct = default)
    {
        var row = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        if (row is null) return l["{0} is not in the calendar.", Loc.Day(date)];
        db.CalendarDays.Remove(row);
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return null;
    }
}
