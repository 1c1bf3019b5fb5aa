using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Disputes;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Disputes;

public sealed record DisputeRow(ScoreDisputeRecord Dispute, string RepName);

/// <summary>Open questions about evaluations: HR and admins see all, managers their reps'; settled ones of the last 90 days below.</summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Admin},{Roles.Hr}")]
public sealed class IndexModel(RequestAccess access, DisputeService disputes, SalesPerfDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DisputeRow> Open { get; private set; } = [];
    public IReadOnlyList<DisputeRow> Settled { get; private set; } = [];
    public bool CanOpenScorePages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanOpenScorePages = scope.IsAdmin || scope.IsManager;
        var since = clock.GetUtcNow().AddDays(-90);
        var visible = disputes.Visible(scope);
        var open = await visible.Where(d => d.Status == DisputeStatus.Open).ToListAsync(ct);
        var settled = (await visible.Where(d => d.Status == DisputeStatus.Answered).ToListAsync(ct)).Where(d => d.AnsweredAt >= since).ToList();
        var ids = open.Concat(settled).Select(d => d.RepId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Open = open.OrderBy(d => d.AskedAt).Select(d => new DisputeRow(d, names.GetValueOrDefault(d.RepId, "—"))).ToList();
        Settled = settled.OrderByDescending(d => d.AnsweredAt).Select(d => new DisputeRow(d, names.GetValueOrDefault(d.RepId, "—"))).ToList();
    }

    public string Link(ScoreDisputeRecord d) => CanOpenScorePages
        ? $"/Score?rep={Uri.EscapeDataString(d.RepId)}&month={d.PeriodStart:yyyy-MM}#dispute-{d.Id}"
        : $"/Reports?pick=rep:{Uri.EscapeDataString(d.RepId)}&kind=custom&from={d.PeriodStart:yyyy-MM-dd}&to={d.PeriodEnd.AddDays(-1):yyyy-MM-dd}";
}
