using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Flows;

/// <summary>
/// Compiled stage flows by (definition, version). A version is immutable once published, so it is compiled once and
/// cached; deals stay on the version they started on. Which versions are the latest published is kept briefly: a
/// publish on this node counts at once, one on another app node at most <see cref="MaxAge"/> later.
/// </summary>
public sealed class FlowCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string, int), StageFlow> _compiled = new();
    private readonly ReloadingCache<Dictionary<string, int>> _latestPublished = new(clock, MaxAge);

    public async Task<StageFlow> GetAsync(string definitionId, int version, CancellationToken ct = default)
    {
        if (_compiled.TryGetValue((definitionId, version), out var flow)) return flow;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var json = await db.FlowDefinitions.AsNoTracking()
            .Where(f => f.DefinitionId == definitionId && f.Version == version)
            .Select(f => f.Json).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"Flow '{definitionId}' version {version} does not exist.");
        flow = FlowCompiler.Compile(json, definitionId, version).FlowOrThrow();
        return _compiled.GetOrAdd((definitionId, version), flow);
    }

    /// <summary>The version new deals start on, or null when none is published.</summary>
    public async Task<StageFlow?> LatestPublishedAsync(string definitionId, CancellationToken ct = default)
    {
        var latest = await _latestPublished.GetAsync(LoadLatestPublishedAsync, ct);
        return latest.TryGetValue(definitionId, out var version) ? await GetAsync(definitionId, version, ct) : null;
    }

    /// <summary>The version new deals start on, of every flow that has a published one, in definition id order.</summary>
    public async Task<IReadOnlyList<StageFlow>> LatestPublishedAllAsync(CancellationToken ct = default)
    {
        var latest = await _latestPublished.GetAsync(LoadLatestPublishedAsync, ct);
        var flows = new List<StageFlow>();
        foreach (var (id, version) in latest.OrderBy(p => p.Key, StringComparer.Ordinal)) flows.Add(await GetAsync(id, version, ct));
        return flows;
    }

    /// <summary>
    /// The stages of every published flow in one order, for boards that count deals of all flows: the default flow's
    /// stages, then each other flow's extra stages after their predecessor (e.g. a site survey after the first visit).
    /// </summary>
    public async Task<IReadOnlyList<Stage>> PublishedStagesAsync(CancellationToken ct = default)
    {
        var stages = new List<Stage>();
        foreach (var flow in (await LatestPublishedAllAsync(ct)).OrderBy(f => f.DefinitionId == Deals.DealService.DefaultFlowId ? 0 : 1))
        {
            string? previous = null;
            foreach (var stage in flow.Stages)
            {
                if (stages.All(s => s.Key != stage.Key))
                    stages.Insert(previous is null ? 0 : stages.FindIndex(s => s.Key == previous) + 1, stage);
                previous = stage.Key;
            }
        }
        return stages;
    }

    /// <summary>Call after publishing or retracting a version.</summary>
    public void PublishedChanged() => _latestPublished.Invalidate();

    private async Task<Dictionary<string, int>> LoadLatestPublishedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        return await db.FlowDefinitions.AsNoTracking().Where(f => f.IsPublished)
            .GroupBy(f => f.DefinitionId).Select(g => new { g.Key, Version = g.Max(f => f.Version) })
            .ToDictionaryAsync(x => x.Key, x => x.Version, ct);
    }
}
