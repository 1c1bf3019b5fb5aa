using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

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
public sealed class MyDealsQuery(SalesPerfDbContext db, FlowCatalog flows, DealQueries queries, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<DealRow> Rows, int Total)> ListAsync(AccessScope scope, DealListShow show, string? repId, string? search, int page,
        CancellationToken ct = default)
    {
        var q = scope.VisibleDeals(db.Deals.AsNoTracking());
        q = show switch
        {
            DealListShow.Open => q.Where(d => d.Status == DealStatus.Active || d.Status == DealStatus.OnHold),
            DealListShow.Closed => q.Where(d => d.Status == DealStatus.Won || d.Status == DealStatus.Lost),
            _ => q,
        };
        if (!string.IsNullOrEmpty(repId)) q = q.Where(d => d.RepId == repId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(d => d.Title.Contains(s) || d.Customer.Contains(s));
        }
        var total = await q.CountAsync(ct);
        var rows = await q
            .OrderBy(d => d.Status == DealStatus.Active && d.CurrentStageStatus == StageRunStatus.Open ? 0
                : d.Status == DealStatus.Active ? 1 : d.Status == DealStatus.OnHold ? 2 : 3)
            .ThenBy(d => d.CurrentDueAt).ThenByDescending(d => d.LastActivityAt)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await queries.RepNamesAsync(rows.Select(r => r.RepId), ct);
        var now = clock.GetUtcNow();
        var list = new List<DealRow>(rows.Count);
        foreach (var r in rows)
        {
            var flow = await flows.GetAsync(r.FlowDefinitionId, r.FlowVersion, ct);
            var summary = DealViews.Summary(r, flow, names.GetValueOrDefault(r.RepId), now);
            list.Add(new DealRow(summary, flow.Stages.Select(s => s.Key).ToList(), NextAction.For(summary, scope)));
        }
        return (list, total);
    }
}
