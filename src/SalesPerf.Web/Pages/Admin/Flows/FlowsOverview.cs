using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Admin.Flows;

public sealed record FlowVersionLine(int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    int RunningDeals, IReadOnlyList<FlowError> Errors);

public sealed record FlowLine(string DefinitionId, string Name, int? PublishedVersion, int? DraftVersion, IReadOnlyList<FlowVersionLine> Versions)
{
    public int RunningDeals => Versions.Sum(v => v.RunningDeals);
    public FlowVersionLine Latest => Versions[0];
    /// <summary>Versions older than the published one that still have running deals: candidates for migration.</summary>
    public IEnumerable<FlowVersionLine> Migratable => Versions.Where(v => v.Version < PublishedVersion && v.RunningDeals > 0);
}

/// <summary>Every flow with its versions, validation status and running deals per version, for the admin's flows list.</summary>
public static class FlowsOverview
{
    public static async Task<List<FlowLine>> LoadAsync(SalesPerfDbContext db, CancellationToken ct)
    {
        var rows = await db.FlowDefinitions.AsNoTracking().OrderBy(f => f.DefinitionId).ThenByDescending(f => f.Version).ToListAsync(ct);
        var running = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Active || d.Status == DealStatus.OnHold)
            .GroupBy(d => new { d.FlowDefinitionId, d.FlowVersion })
            .Select(g => new { g.Key.FlowDefinitionId, g.Key.FlowVersion, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.DefinitionId).Select(g =>
        {
            var versions = g.Select(r => new FlowVersionLine(r.Version, r.IsPublished, r.IsLatest, r.CreatedAt, r.PublishedAt,
                running.FirstOrDefault(x => x.FlowDefinitionId == r.DefinitionId && x.FlowVersion == r.Version)?.Count ?? 0,
                r.IsPublished || r.IsLatest ? FlowCompiler.Compile(r.Json, r.DefinitionId, r.Version).Errors : [])).ToList();
            var latest = g.First();
            return new FlowLine(g.Key, latest.Name, g.FirstOrDefault(r => r.IsPublished)?.Version,
                latest.IsPublished ? null : latest.Version, versions);
        }).ToList();
    }
}
