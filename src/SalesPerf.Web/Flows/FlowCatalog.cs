using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Flows;

/// <summary>
/// Compiled stage flows by (definition, version). A version is immutable once published, so it is compiled once and
/// cached; deals stay on the version they started on. Which version is the latest published is asked of the database
/// each time a deal starts, so a flow published on another app node counts at once.
/// </summary>
public sealed class FlowCatalog(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(string, int), StageFlow> _compiled = new();

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
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var latest = await db.FlowDefinitions.AsNoTracking()
            .Where(f => f.DefinitionId == definitionId && f.IsPublished)
            .MaxAsync(f => (int?)f.Version, ct);
        return latest is { } version ? await GetAsync(definitionId, version, ct) : null;
    }
}
