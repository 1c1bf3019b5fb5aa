using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Deals;

public enum DealListShow { Open, Closed, All }

/// <summary>One row of a deal list: the summary, the flow's stage keys (for the stage bar) and what to do next.</summary>
public sealed record DealRow(DealSummary Deal, IReadOnlyList<string> StageKeys, NextAction Next)
{
    /// <summary>The stage bar's current step: the current stage's index, all steps done once won, none (-1) otherwise.</summary>
    public int CurrentStep => Deal.StageKey is null ? (Deal.Status == DealStatus.Won ? StageKeys.Count : -1) : IndexOf(Deal.StageKey);

    private int IndexOf(string key)
    {
        for (var i = 0; i < StageKeys.Count; i++)
            if (StageKeys[i] == key) return i;
        return -1;
    }
}

/// <summary>"My deals": the deals the caller may see, the most urgent first (overdue, due soon, waiting, later, on hold, closed).</summary>
public sealed class MyDealsQuery(SalesPerfDbContext db, DealRows dealRows)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<DealRow> Rows, int Total)> ListAsync(AccessScope scope, DealListShow show, string? search, int page,
        CancellationToken ct = default)
    {
        var q = Filtered(scope, show, search);
        var total = await q.CountAsync(ct);
        var rows = await Ordered(q).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (await dealRows.ForAsync(rows, scope, ct), total);
    }

    /// <summary>The whole list in the page's order, up to <paramref name="max"/> rows (the Excel export of the page).</summary>
    public async Task<IReadOnlyList<DealRow>> AllAsync(AccessScope scope, DealListShow show, string? search, int max, CancellationToken ct = default) =>
        await dealRows.ForAsync(await Ordered(Filtered(scope, show, search)).Take(max).ToListAsync(ct), scope, ct);

    private IQueryable<DealRecord> Filtered(AccessScope scope, DealListShow show, string? search)
    {
        var q = scope.VisibleDeals(db.Deals.AsNoTracking());
        q = show switch
        {
            DealListShow.Open => q.Where(d => d.Status == DealStatus.Active || d.Status == DealStatus.OnHold),
            DealListShow.Closed => q.Where(d => d.Status == DealStatus.Won || d.Status == DealStatus.Lost),
            _ => q,
        };
        if (string.IsNullOrWhiteSpace(search)) return q;
        var s = search.Trim();
        return q.Where(d => d.Title.Contains(s) || d.Customer.Contains(s));
    }

    private static IQueryable<DealRecord> Ordered(IQueryable<DealRecord> q) => q
        .OrderBy(d => d.Status == DealStatus.Active && d.CurrentStageStatus == StageRunStatus.Open ? 0
            : d.Status == DealStatus.Active ? 1 : d.Status == DealStatus.OnHold ? 2 : 3)
        .ThenBy(d => d.CurrentDueAt).ThenByDescending(d => d.LastActivityAt);
}
