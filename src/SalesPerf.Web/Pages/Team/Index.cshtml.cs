using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Pages.Team;

/// <summary>The team board for managers (their teams) and admins (everyone).</summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed class IndexModel(RequestAccess access, TeamBoardQuery query, Export.DealListExport export, Localization.Loc l,
    Dashboards.DashboardCache indicators, Caching.PortalCache cache, Evaluations.MonthScores scores) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 14;
    public TeamBoard Board { get; private set; } = null!;
    /// <summary>The reps' process indicators against their team's average (the dashboard's last six months).</summary>
    public Dashboards.RepComparison? Comparison { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadBoardAsync(ct);
        var scope = await access.GetAsync(ct);
        if ((await indicators.LoadAsync(scope, new Dashboards.DashboardFilter(), ct)).Data is { } data)
            Comparison = await Dashboards.RepComparisons.WithScoresAsync(data, scope, scores, ct);
    }

    /// <summary>Everyone refreshing the same board within a few seconds shares one computation (see Caching/PortalCache).</summary>
    private async Task LoadBoardAsync(CancellationToken ct)
    {
        Days = Math.Clamp(Days, 1, 365);
        var scope = await access.GetAsync(ct);
        Board = await cache.GetOrAddAsync($"team|{Caching.PortalCache.Viewer(scope)}|{Days}", () => query.LoadAsync(scope, Days, ct));
    }

    /// <summary>The board's overdue and stalled deals as one sheet, each deal once (column "List" says which).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadBoardAsync(ct);
        var overdue = Board.Overdue.Select(r => r.Deal.Id).ToHashSet();
        var stalled = Board.Stalled.Select(r => r.Deal.Id).ToHashSet();
        string List(SalesPerf.Web.Deals.DealSummary d) =>
            overdue.Contains(d.Id) && stalled.Contains(d.Id) ? l["Overdue"] + " · " + l["Stalled deals"] : overdue.Contains(d.Id) ? l["Overdue"] : l["Stalled deals"];
        return await export.DealsAsync("team-board", Board.Overdue.Concat(Board.Stalled).Select(r => r.Deal).DistinctBy(d => d.Id), List, ct);
    }
}
