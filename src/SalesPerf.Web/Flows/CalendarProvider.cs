using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Calendar;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Flows;

/// <summary>
/// The company's business calendar (time zone, holidays, make-up working days). An edit on this node drops the cached
/// calendar at once (<see cref="Invalidate"/>); an edit made on another app node counts here at most
/// <see cref="MaxAge"/> later, when the cached calendar is read again from the (tiny) CalendarDays table.
/// </summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes, IOptions<SalesPerfOptions> options, TimeProvider clock)
{
    /// <summary>How long another node's calendar edit may go unnoticed here.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ReloadingCache<BusinessCalendar> _cache = new(clock, MaxAge);

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public async Task<BusinessCalendar> GetAsync(CancellationToken ct = default) => await _cache.GetAsync(LoadAsync, ct);

    /// <summary>Call after the holiday calendar was edited.</summary>
    public void Invalidate() => _cache.Invalidate();

    private async Task<BusinessCalendar> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.IsWorkday }).ToListAsync(ct);
        return new BusinessCalendar(Zone, days.Where(d => !d.IsWorkday).Select(d => d.Date), days.Where(d => d.IsWorkday).Select(d => d.Date));
    }
}
