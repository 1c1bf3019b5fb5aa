using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Dashboards;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Dashboard;

/// <summary>
/// Dashboards: stage distribution, follow-up cycle, conversion funnel and per-rep completion / on-time rates against the
/// team average. Admins see everyone, managers their teams, reps themselves; a team or rep outside that is a 404.
/// </summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, DashboardCache dashboards, Evaluations.MonthScores scores) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "type")] public string? CustomerType { get; set; }
    [BindProperty(SupportsGet = true, Name = "stage")] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "months")] public int Months { get; set; } = 6;
    [BindProperty(SupportsGet = true, Name = "team")] public string? Team { get; set; }
    [BindProperty(SupportsGet = true, Name = "rep")] public string? Rep { get; set; }

    public DashboardData Data { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";
    public RepComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Guid? team = null;
        if (!string.IsNullOrWhiteSpace(Team))
        {
            if (!Guid.TryParse(Team, out var id)) return NotFound();
            team = id;
        }
        var scope = await access.GetAsync(ct);
        var (data, json) = await dashboards.LoadAsync(scope, new DashboardFilter(CustomerType, Stage, Months, team, Rep), ct);
        if (data is null) return NotFound();
        Data = data;
        Comparison = await RepComparisons.WithScoresAsync(data, scope, scores, ct);
        ChartJson = json;
        return Page();
    }
}
