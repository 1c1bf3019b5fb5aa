using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Calendar;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Flows;

/// <summary>The company's business calendar (time zone, holidays, make-up working days), cached until changed.</summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes, IOptions<SalesPerfOptions> options)
{
    private volatile BusinessCalendar? _calendar;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public async Task<BusinessCalendar> GetAsync(CancellationToken ct = default)
    {
        if (_calendar is { } cached) return cached;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return _calendar = new BusinessCalendar(Zone,
            days.Where(d => !d.IsWorkday).Select(d => d.Date),
            days.Where(d => d.IsWorkday).Select(d => d.Date));
    }

    /// <summary>Call after the holiday calendar was edited.</summary>
    public void Invalidate() => _calendar = null;
}
