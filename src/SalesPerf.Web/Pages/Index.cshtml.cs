using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Pages.Deals;

namespace SalesPerf.Web.Pages;

/// <summary>"My deals": every deal the caller may see with its stage bar, due date, flags and next action, most urgent first.</summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, MyDealsQuery query, Export.DealListExport export, Caching.PortalCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public DealListShow Show { get; set; } = DealListShow.Open;
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public IReadOnlyList<DealRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + MyDealsQuery.PageSize - 1) / MyDealsQuery.PageSize);
    public AccessScope Scope { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await access.GetAsync(ct);
        PageNo = Math.Max(1, PageNo);
        // Everyone refreshing the same list within a few seconds shares one query (see Caching/PortalCache).
        var scope = Scope;
        (Rows, Total) = await cache.GetOrAddAsync($"deals|{Caching.PortalCache.Viewer(scope)}|{Show}|{PageNo}|{Search}",
            () => query.ListAsync(scope, Show, Search, PageNo, ct));
        return Page();
    }

    /// <summary>The same list (same filters, every page) as an Excel sheet; the access scope limits it like the page.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await export.MyDealsAsync(await access.GetAsync(ct), Show, Search, ct);
}
