using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Export;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Admin.Calendar;

/// <summary>The holiday calendar of a year: twelve month grids, the list of special days, add and remove.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(CalendarAdmin calendar, TimeProvider clock, Loc l) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public IReadOnlyList<CalendarDayRecord> Days { get; private set; } = [];
    public Dictionary<DateOnly, CalendarDayRecord> ByDate { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(DateOnly? from, DateOnly? to, string? kind, string? name, CancellationToken ct) =>
        Finish(calendar.AddAsync(from, to, kind == "workday", name, ct),
            l["Saved. New stages count business days with it; running stages keep their due times."], new { year = from?.Year ?? Year });

    public Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken ct) =>
        Finish(calendar.RemoveAsync(date, ct), l["{0} is an ordinary day again.", Loc.Day(date)], new { year = date.Year });

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return ExcelExport.File($"calendar-{Year}", Days,
            (l["Date"], d => d.Date), (l["Kind"], d => d.IsWorkday ? l["Make-up working day"] : l["Holiday"]), (l["Day name"], d => d.Name));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2100) Year = clock.GetUtcNow().Year;
        Days = await calendar.YearAsync(Year, ct);
        ByDate = Days.ToDictionary(d => d.Date);
    }
}
