using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Designer.Definitions;

/// <summary>
/// Versions of stage flows, one row each: saving edits the latest draft or starts a new one after a published version;
/// publishing validates with the engine first; exactly one version of a definition is published at a time.
/// Published versions are never changed, so deals pinned to them keep their rules.
/// </summary>
public sealed class FlowDefinitionStore(SalesPerfDbContext db, FlowCatalog catalog, TimeProvider clock)
{
    public IQueryable<FlowDefinitionRecord> Versions(string definitionId) =>
        db.FlowDefinitions.Where(f => f.DefinitionId == definitionId);

    public async Task<FlowDefinitionRecord?> FindAsync(string definitionId, VersionSelector selector, CancellationToken ct = default)
    {
        var versions = Versions(definitionId).AsNoTracking();
        return selector.Kind switch
        {
            VersionKind.Specific => await versions.SingleOrDefaultAsync(f => f.Version == selector.Version, ct),
            VersionKind.Published => await versions.Where(f => f.IsPublished).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct),
            VersionKind.Draft => await versions.Where(f => !f.IsPublished && f.IsLatest).FirstOrDefaultAsync(ct),
            _ => await versions.OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct),
        };
    }

    public async Task<List<FlowDefinitionRecord>> ListAsync(IReadOnlyCollection<string> definitionIds, VersionSelector selector, string? search, CancellationToken ct = default)
    {
        var query = db.FlowDefinitions.AsNoTracking();
        if (definitionIds.Count > 0) query = query.Where(f => definitionIds.Contains(f.DefinitionId));
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(f => f.Name.Contains(search) || f.DefinitionId.Contains(search));
        query = selector.Kind switch
        {
            VersionKind.All => query,
            VersionKind.Specific => query.Where(f => f.Version == selector.Version),
            VersionKind.Published => query.Where(f => f.IsPublished),
            VersionKind.Draft => query.Where(f => !f.IsPublished && f.IsLatest),
            VersionKind.LatestOrPublished or VersionKind.LatestAndPublished => query.Where(f => f.IsLatest || f.IsPublished),
            _ => query.Where(f => f.IsLatest),
        };
        return await query.OrderBy(f => f.DefinitionId).ThenByDescending(f => f.Version).ToListAsync(ct);
    }

    /// <summary>
    /// Saves a model from the Studio as the latest draft. <paramref name="basedOn"/> (version and revision the editor
    /// loaded) guards against overwriting someone else's newer save.
    /// </summary>
    public async Task<DefinitionResult> SaveAsync(JsonObject model, bool publish, bool checkStale = true, CancellationToken ct = default)
    {
        if (model["root"] is not JsonObject root || root["type"]?.GetValue<string>() != SalesActivityTypes.Flowchart)
            return DefinitionResult.Fail(DefinitionProblem.Invalid, "The definition needs a root flowchart (Elsa.Flowchart).",
                [new FlowError("definition", "the root activity must be an Elsa.Flowchart")]);
        if (UnknownActivities(root) is { Count: > 0 } unknown)
            return DefinitionResult.Fail(DefinitionProblem.Invalid, "The flow uses activity types SalesPerf does not know.", unknown);
        StageDefaults.Apply(root);

        var definitionId = Text(model, "definitionId") is { Length: > 0 } given ? given : NewDefinitionId(Text(model, "name"));
        if (definitionId.Length > 100 || definitionId.Any(c => char.IsWhiteSpace(c) || c == '/'))
            return DefinitionResult.Fail(DefinitionProblem.Invalid, "The definition id must be at most 100 characters, without spaces or '/'.");
        var latest = await Versions(definitionId).Where(f => f.IsLatest).SingleOrDefaultAsync(ct);
        var name = Text(model, "name") is { Length: > 0 } n ? n : latest?.Name ?? definitionId;
        var json = DefinitionDocument.ToStored(model, definitionId, name);

        if (latest is not null && checkStale && StaleReason(model, latest) is { } stale)
            return DefinitionResult.Fail(DefinitionProblem.Stale, stale);

        var now = clock.GetUtcNow();
        FlowDefinitionRecord row;
        if (latest is { IsPublished: false })
        {
            row = latest;
            row.Json = json;
            row.Name = name;
        }
        else
        {
            if (latest is not null) latest.IsLatest = false;
            row = new FlowDefinitionRecord
            {
                DefinitionId = definitionId, Version = (latest?.Version ?? 0) + 1, Name = name, Json = json, IsLatest = true, CreatedAt = now,
            };
            db.FlowDefinitions.Add(row);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return DefinitionResult.Fail(DefinitionProblem.Stale, "Someone else saved this flow at the same moment; reload it and try again.");
        }
        return publish ? await PublishRowAsync(row, ct) : DefinitionResult.Ok(row);
    }

    public async Task<DefinitionResult> PublishAsync(string definitionId, CancellationToken ct = default)
    {
        var latest = await Versions(definitionId).Where(f => f.IsLatest).SingleOrDefaultAsync(ct);
        if (latest is null) return DefinitionResult.Fail(DefinitionProblem.NotFound, $"There is no flow '{definitionId}'.");
        if (latest.IsPublished) return DefinitionResult.Ok(latest, alreadyPublished: true);
        return await PublishRowAsync(latest, ct);
    }

    private async Task<DefinitionResult> PublishRowAsync(FlowDefinitionRecord row, CancellationToken ct)
    {
        var compiled = FlowCompiler.Compile(row.Json, row.DefinitionId, row.Version);
        if (!compiled.IsValid)
            return DefinitionResult.Fail(DefinitionProblem.Invalid,
                $"Version {row.Version} was saved as a draft but not published: fix these problems first.", compiled.Errors, row);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var other in await Versions(row.DefinitionId).Where(f => f.IsPublished && f.Id != row.Id).ToListAsync(ct))
            other.IsPublished = false;
        row.IsPublished = true;
        row.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        catalog.PublishedChanged();
        return DefinitionResult.Ok(row);
    }

    /// <summary>Un-publishes: new deals cannot start on the flow until a version is published again.</summary>
    public async Task<DefinitionResult> RetractAsync(string definitionId, CancellationToken ct = default)
    {
        var published = await Versions(definitionId).Where(f => f.IsPublished).ToListAsync(ct);
        if (published.Count == 0)
            return await FindAsync(definitionId, VersionSelector.Latest, ct) is { } row
                ? DefinitionResult.Fail(DefinitionProblem.Conflict, "No version of this flow is published.", row: row)
                : DefinitionResult.Fail(DefinitionProblem.NotFound, $"There is no flow '{definitionId}'.");
        if (definitionId == Deals.DealService.DefaultFlowId)
            return DefinitionResult.Fail(DefinitionProblem.Conflict, "The default flow cannot be retracted: new deals start on it. Publish a corrected version instead.");
        published.ForEach(p => p.IsPublished = false);
        await db.SaveChangesAsync(ct);
        catalog.PublishedChanged();
        return DefinitionResult.Ok(published.MaxBy(p => p.Version)!);
    }

    /// <summary>Rolls back: the chosen version's content becomes the latest draft (published versions stay as they are).</summary>
    public async Task<DefinitionResult> RevertAsync(string definitionId, int version, CancellationToken ct = default)
    {
        var source = await Versions(definitionId).AsNoTracking().SingleOrDefaultAsync(f => f.Version == version, ct);
        if (source is null) return DefinitionResult.Fail(DefinitionProblem.NotFound, $"Flow '{definitionId}' has no version {version}.");
        var model = JsonNode.Parse(source.Json)!.AsObject();
        return await SaveAsync(model, publish: false, checkStale: false, ct);
    }

    /// <summary>An import is saved as the latest draft of its definition (a new definition when the id is unknown).</summary>
    public Task<DefinitionResult> ImportAsync(JsonObject model, CancellationToken ct = default) => SaveAsync(model, publish: false, checkStale: false, ct);

    public async Task<DefinitionResult> DuplicateAsync(string definitionId, CancellationToken ct = default)
    {
        var source = await FindAsync(definitionId, VersionSelector.Latest, ct);
        if (source is null) return DefinitionResult.Fail(DefinitionProblem.NotFound, $"There is no flow '{definitionId}'.");
        var model = JsonNode.Parse(source.Json)!.AsObject();
        var copyId = definitionId + "-copy";
        for (var i = 2; await Versions(copyId).AnyAsync(ct); i++) copyId = $"{definitionId}-copy{i}";
        model["definitionId"] = copyId;
        model["name"] = $"{source.Name} (copy)";
        return await SaveAsync(model, publish: false, checkStale: false, ct);
    }

    /// <summary>Deletes a version that no deal runs on and that is not the published one.</summary>
    public async Task<DefinitionResult> DeleteVersionAsync(string definitionId, int version, CancellationToken ct = default)
    {
        var row = await Versions(definitionId).SingleOrDefaultAsync(f => f.Version == version, ct);
        if (row is null) return DefinitionResult.Fail(DefinitionProblem.NotFound, $"Flow '{definitionId}' has no version {version}.");
        if (row.IsPublished || await db.Deals.AnyAsync(d => d.FlowDefinitionId == definitionId && d.FlowVersion == version, ct))
            return DefinitionResult.Fail(DefinitionProblem.Conflict, $"Version {version} is published or has deals: it cannot be deleted.");
        db.FlowDefinitions.Remove(row);
        if (row.IsLatest && await Versions(definitionId).Where(f => f.Version != version).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct) is { } previous)
            previous.IsLatest = true;
        await db.SaveChangesAsync(ct);
        return DefinitionResult.Ok(row);
    }

    private static string? StaleReason(JsonObject model, FlowDefinitionRecord latest)
    {
        var version = model["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version is { } based && based < latest.Version)
            return $"This flow was changed since you opened it (you edited version {based}, the latest is version {latest.Version}). Reload the page to see the latest version; your change was not saved.";
        var revision = (model["customProperties"] as JsonObject)?[DefinitionDocument.RevisionProperty]?.GetValue<string>();
        if (version == latest.Version && revision is not null && revision != DefinitionDocument.Revision(latest.Json))
            return $"Someone else saved version {latest.Version} after you opened it. Reload the page to see their change; yours was not saved.";
        return null;
    }

    private static List<FlowError> UnknownActivities(JsonObject root) =>
        (root["activities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => !SalesActivityTypes.All.Contains(a["type"]?.GetValue<string>() ?? ""))
            .Select(a => new FlowError($"activity '{a["name"]?.GetValue<string>() ?? a["id"]?.GetValue<string>()}'",
                $"unknown activity type \"{a["type"]?.GetValue<string>()}\" (SalesPerf flows use a deal start, sales stages and a won end)",
                a["id"]?.GetValue<string>()))
            .ToList();

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;

    private static string NewDefinitionId(string? name)
    {
        var slug = new string((name ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return (slug.Length is > 0 and <= 60 ? slug + "-" : "flow-") + Guid.NewGuid().ToString("N")[..6];
    }
}
