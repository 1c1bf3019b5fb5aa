using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

public sealed record DealListFilter(DealStatus? Status = null, string? StageKey = null, string? RepId = null, string? CustomerType = null,
    int Page = 1, int PageSize = 50);

public sealed record DealPage(IReadOnlyList<DealSummary> Items, int Total, int Page, int PageSize);

/// <summary>Read side: lists and details, always through the caller's <see cref="AccessScope"/>.</summary>
public sealed class DealQueries(SalesPerfDbContext db, FlowCatalog flows, TimeProvider clock)
{
    public async Task<DealPage> ListAsync(AccessScope scope, DealListFilter f, CancellationToken ct = default)
    {
        var q = scope.VisibleDeals(db.Deals.AsNoTracking());
        if (f.Status is { } status) q = q.Where(d => d.Status == status);
        if (!string.IsNullOrEmpty(f.StageKey)) q = q.Where(d => d.CurrentStageKey == f.StageKey);
        if (!string.IsNullOrEmpty(f.RepId)) q = q.Where(d => d.RepId == f.RepId);
        if (!string.IsNullOrEmpty(f.CustomerType)) q = q.Where(d => d.CustomerType == f.CustomerType);
        var total = await q.CountAsync(ct);
        var pageSize = Math.Clamp(f.PageSize, 1, 200);
        var page = Math.Max(1, f.Page);
        // Most urgent first: open stages by due time, then waiting for approval, then the rest.
        var rows = await q.OrderBy(d => d.Status == DealStatus.Active ? 0 : 1)
            .ThenBy(d => d.CurrentDueAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await RepNamesAsync(rows.Select(r => r.RepId), ct);
        var now = clock.GetUtcNow();
        var items = new List<DealSummary>(rows.Count);
        foreach (var r in rows)
            items.Add(DealViews.Summary(r, await flows.GetAsync(r.FlowDefinitionId, r.FlowVersion, ct), names.GetValueOrDefault(r.RepId), now));
        return new DealPage(items, total, page, pageSize);
    }

    /// <summary>Whether the deal exists and the caller may see it: one row lookup, without folding the deal's events.</summary>
    public Task<bool> IsVisibleAsync(Guid dealId, AccessScope scope, CancellationToken ct = default) =>
        scope.VisibleDeals(db.Deals.AsNoTracking()).AnyAsync(d => d.Id == dealId, ct);

    public async Task<IReadOnlyList<DealEventView>> EventsAsync(Guid dealId, CancellationToken ct = default)
    {
        var rows = await db.DealEvents.AsNoTracking().Where(e => e.DealId == dealId).OrderBy(e => e.Sequence).ToListAsync(ct);
        var names = await RepNamesAsync(rows.Select(r => r.ActorId), ct);
        return rows.Select(r => new DealEventView(r.Sequence, r.Type, r.At, r.ActorId, names.GetValueOrDefault(r.ActorId),
            System.Text.Json.JsonDocument.Parse(r.Data).RootElement.Clone())).ToList();
    }

    public async Task<IReadOnlyList<ScoreLine>> ScoreAsync(Guid dealId, CancellationToken ct = default) =>
        (await db.ScoreEntries.AsNoTracking().Where(e => e.DealId == dealId).OrderBy(e => e.EventSequence).ThenBy(e => e.Kind).ToListAsync(ct))
        .Select(DealViews.Line).ToList();

    public async Task<Dictionary<string, string>> RepNamesAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var set = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
