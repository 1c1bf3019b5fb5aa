using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Scoring;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Score;

public sealed record ScoreRow(Guid DealId, string DealTitle, int EventSequence, ScoreKind Kind, decimal Points, string Explanation, DateTimeOffset At);

/// <summary>A rep's score line by line, each linked to the deal event that caused it. Reps see their own; managers their reps'.</summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, SalesPerfDbContext db, Localization.Loc l) : PageModel
{
    public const int Limit = 500;
    private bool _all; // the export has every line, the page the latest Limit

    [BindProperty(SupportsGet = true)] public string? Rep { get; set; }
    public string RepName { get; private set; } = "";
    public IReadOnlyList<ScoreRow> Lines { get; private set; } = [];
    public decimal Total { get; private set; }
    public decimal Earned { get; private set; }
    public decimal Deducted { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Reps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var rep = string.IsNullOrEmpty(Rep) ? scope.UserId : Rep;
        if (!scope.CanSee(rep)) return NotFound();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == rep).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (user is null) return NotFound();
        RepName = user;
        Rep = rep;
        var entries = db.ScoreEntries.AsNoTracking().Where(e => e.RepId == rep);
        var sums = await entries.GroupBy(e => e.Points >= 0).Select(g => new { Positive = g.Key, Sum = g.Sum(e => e.Points) }).ToListAsync(ct);
        Earned = sums.Where(s => s.Positive).Sum(s => s.Sum);
        Deducted = sums.Where(s => !s.Positive).Sum(s => s.Sum);
        Total = Earned + Deducted;
        Lines = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.EventSequence).Take(_all ? 1_000_000 : Limit)
            .Join(db.Deals, e => e.DealId, d => d.Id, (e, d) => new ScoreRow(e.DealId, d.Title, e.EventSequence, e.Kind, e.Points, e.Explanation, e.At))
            .ToListAsync(ct);
        if (scope.IsAdmin || scope.ManagedRepIds.Count > 0)
        {
            var ids = scope.ManagedRepIds.ToList();
            Reps = (await (scope.IsAdmin ? db.UsersInRole(Roles.Rep) : db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        _all = true;
        if (await OnGetAsync(ct) is not PageResult) return NotFound();
        return Export.ExcelExport.File($"score-{RepName}", Lines,
            (l["Date"], x => l.Time(x.At)), (l["Deal"], x => x.DealTitle), (l["Event"], x => x.EventSequence), (l["Kind of line"], x => x.Kind),
            (l["Points"], x => x.Points), (l["Explanation"], x => x.Explanation));
    }
}
