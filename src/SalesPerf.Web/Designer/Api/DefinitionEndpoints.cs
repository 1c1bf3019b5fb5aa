using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Designer.Definitions;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Designer.Api;

/// <summary>The Studio's workflow-definition endpoints: load, list versions, save/auto-save, publish, retract, revert, export, import, delete.</summary>
internal static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var defs = api.MapGroup("/workflow-definitions");

        defs.MapGet("/by-definition-id/{definitionId}", async (string definitionId, string? versionOptions, FlowDefinitionStore store, CancellationToken ct) =>
        {
            if (!VersionSelector.TryParse(versionOptions, out var selector)) return StudioResults.Invalid($"Unknown versionOptions \"{versionOptions}\".");
            return await store.FindAsync(definitionId, selector, ct) is { } row
                ? Results.Json(DefinitionDocument.ForStudio(row, StudioResults.ApiBase))
                : Results.NotFound();
        });

        defs.MapGet("/by-id/{id}", async (string id, FlowDefinitionStore store, CancellationToken ct) =>
            DefinitionDocument.TryParseVersionId(id, out var definitionId, out var version)
            && await store.FindAsync(definitionId, new VersionSelector(VersionKind.Specific, version), ct) is { } row
                ? Results.Json(DefinitionDocument.ForStudio(row, StudioResults.ApiBase))
                : Results.NotFound());

        defs.MapGet("/", async (HttpRequest request, FlowDefinitionStore store, CancellationToken ct) =>
        {
            var q = request.Query;
            if (!VersionSelector.TryParse(q["versionOptions"], out var selector)) return StudioResults.Invalid($"Unknown versionOptions \"{q["versionOptions"]}\".");
            var ids = q["definitionIds"].Concat(q["definitionId"]).OfType<string>().Where(s => s.Length > 0).ToList();
            var rows = await store.ListAsync(ids, selector, q["searchTerm"], ct);
            var page = int.TryParse(q["page"], out var p) && p >= 0 ? p : 0;
            var size = int.TryParse(q["pageSize"], out var s) && s > 0 ? Math.Min(s, 500) : rows.Count;
            var items = rows.Skip(page * size).Take(Math.Max(size, 0)).Select(r => (JsonNode)DefinitionDocument.Summary(r)).ToList();
            return Results.Json(new JsonObject { ["items"] = new JsonArray([.. items]), ["totalCount"] = rows.Count, ["links"] = new JsonArray() });
        });

        defs.MapGet("/query/count", async (SalesPerfDbContext db, CancellationToken ct) =>
            Results.Json(new { count = await db.FlowDefinitions.Select(f => f.DefinitionId).Distinct().CountAsync(ct) }));

        defs.MapGet("/validation/is-name-unique", async (string? name, string? definitionId, SalesPerfDbContext db, CancellationToken ct) =>
            Results.Json(new
            {
                isUnique = !await db.FlowDefinitions.AnyAsync(f => f.IsLatest && f.Name == (name ?? "") && f.DefinitionId != (definitionId ?? ""), ct),
            }));

        defs.MapPost("/", async (HttpRequest request, FlowDefinitionStore store, CancellationToken ct) =>
        {
            var (body, error) = await StudioResults.ReadObjectAsync(request, ct);
            if (error is not null) return error;
            if (body!["model"] is not JsonObject model) return StudioResults.Invalid("The body needs a \"model\" with the workflow definition.");
            var publish = body["publish"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            return StudioResults.Saved(await store.SaveAsync(model, publish, ct: ct));
        });

        defs.MapPost("/{definitionId}/publish", async (string definitionId, FlowDefinitionStore store, CancellationToken ct) =>
            StudioResults.Saved(await store.PublishAsync(definitionId, ct)));

        defs.MapPost("/{definitionId}/retract", async (string definitionId, FlowDefinitionStore store, CancellationToken ct) =>
            StudioResults.Definition(await store.RetractAsync(definitionId, ct)));

        defs.MapPost("/{definitionId}/revert/{version:int}", async (string definitionId, int version, FlowDefinitionStore store, CancellationToken ct) =>
            StudioResults.Definition(await store.RevertAsync(definitionId, version, ct)));

        defs.MapGet("/{definitionId}/export", async (string definitionId, string? versionOptions, FlowDefinitionStore store, CancellationToken ct) =>
        {
            if (!VersionSelector.TryParse(versionOptions, out var selector)) return StudioResults.Invalid($"Unknown versionOptions \"{versionOptions}\".");
            return await store.FindAsync(definitionId, selector, ct) is { } row
                ? Results.File(Encoding.UTF8.GetBytes(DefinitionDocument.Export(row)), "application/json", $"{row.DefinitionId}.json")
                : Results.NotFound();
        });

        defs.MapPost("/import", async (HttpRequest request, FlowDefinitionStore store, CancellationToken ct) =>
        {
            var (body, error) = await StudioResults.ReadObjectAsync(request, ct);
            if (error is not null) return error;
            // The Studio posts the model itself; a {"model": …} envelope is accepted too.
            var model = body!["model"] as JsonObject ?? body;
            return StudioResults.Definition(await store.ImportAsync(model, ct));
        });

        defs.MapDelete("/{definitionId}", async (string definitionId, FlowDefinitionStore store, SalesPerfDbContext db, CancellationToken ct) =>
        {
            if (await db.Deals.AnyAsync(d => d.FlowDefinitionId == definitionId, ct))
                return StudioResults.Problem(DefinitionResult.Fail(DefinitionProblem.Conflict, "Deals run on this flow: it cannot be deleted."));
            var deleted = await store.Versions(definitionId).ExecuteDeleteAsync(ct);
            return deleted > 0 ? Results.NoContent() : Results.NotFound();
        });

        api.MapDelete("/workflow-definition-versions/{id}", async (string id, FlowDefinitionStore store, CancellationToken ct) =>
            DefinitionDocument.TryParseVersionId(id, out var definitionId, out var version)
                ? StudioResults.Definition(await store.DeleteVersionAsync(definitionId, version, ct))
                : Results.NotFound());
    }
}
