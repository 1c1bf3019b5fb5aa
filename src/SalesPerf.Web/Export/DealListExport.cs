using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Pages.Deals;

namespace SalesPerf.Web.Export;

/// <summary>Deal lists as sheets: "My deals" with its filters (all pages, through the caller's access scope) and lists of deal rows.</summary>
public sealed class DealListExport(MyDealsQuery myDeals, Loc l, Administration.CustomerTypeNames customerTypes)
{
    public const int MaxRows = 20_000;

    public async Task<Microsoft.AspNetCore.Mvc.FileContentResult> MyDealsAsync(AccessScope scope, DealListShow show, string? search, CancellationToken ct) =>
        await DealsAsync("deals", (await myDeals.AllAsync(scope, show, search, MaxRows, ct)).Select(r => r.Deal), ct: ct);

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
