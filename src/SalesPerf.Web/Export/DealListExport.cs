using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Pages.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Export;

/// <summary>Deal lists as sheets: "My deals" with its filters (all pages, through the caller's access scope) and lists of deal rows.</summary>
public sealed class DealListExport(SalesPerfDbContext db, FlowCatalog flows, DealQueries queries, TimeProvider clock, Loc l,
    Administration.CustomerTypeNames customerTypes)
{
    public const int MaxRows = 20_000;

    public async Task<Microsoft.AspNetCore.Mvc.FileContentResult> MyDealsAsync(AccessScope scope, DealListShow show, string? search, CancellationToken ct)
    {
        var q = scope.VisibleDeals(db.Deals.AsNoTracking());
        q = show switch
        {
            DealListShow.Open => q.Where(d => d.Status == DealStatus.Active || d.Status == DealStatus.OnHold),
            DealListShow.Closed => q.Where(d => d.Status == DealStatus.Won || d.Status == DealStatus.Lost),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(search)) q = q.Where(d => d.Title.Contains(search.Trim()) || d.Customer.Contains(search.Trim()));
        var rows = await q.OrderBy(d => d.CurrentDueAt).Take(MaxRows).ToListAsync(ct);
        var names = await queries.RepNamesAsync(rows.Select(r => r.RepId), ct);
        var now = clock.GetUtcNow();
        var summaries = new List<DealSummary>(rows.Count);
        foreach (var r in rows)
            summaries.Add(DealViews.Summary(r, await flows.GetAsync(r.FlowDefinitionId, r.FlowVersion, ct), names.GetValueOrDefault(r.RepId), now));
        return await DealsAsync("deals", summaries, ct: ct);
    }

    public async Task<Microsoft.AspNetCore.Mvc.FileContentResult> DealsAsync(string name, IEnumerable<DealSummary> deals, Func<DealSummary, string>? list = null,
        CancellationToken ct = default)
    {
        var types = await customerTypes.GetAsync(ct);
        var columns = new List<(string, Func<DealSummary, object?>)>();
        if (list is not null) columns.Add((l["List"], d => list(d)));
        columns.AddRange(
        [
            (l["Deal"], d => d.Title), (l["Customer"], d => d.Customer), (l["Customer type"], d => types.Name(d.CustomerType)), (l["Rep"], d => d.RepName),
            (l["Stage"], d => l.Pick(d.Stage)), (l["Status"], d => l[Status(d)]), (l["Due"], d => d.DueAt is null ? null : l.Time(d.DueAt)),
            (l["Estimated value"], d => d.EstimatedValue), (l["Contract value"], d => d.ContractValue),
            (l["Last activity"], d => l.Time(d.LastActivityAt)), (l["Created"], d => l.Time(d.CreatedAt)),
        ]);
        return ExcelExport.File(name, deals, [.. columns]);
    }

    private static string Status(DealSummary d) => d.Status switch
    {
        DealStatus.Won => "Won",
        DealStatus.Lost => "Lost",
        DealStatus.OnHold => "On hold",
        _ when d.Overdue => "Overdue",
        _ when d.StageStatus == StageRunStatus.Submitted => "Awaiting approval",
        _ => "Active",
    };
}
