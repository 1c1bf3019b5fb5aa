using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Api;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Files;

/// <summary>Upload a deliverable file for the current stage; download it again (only people who may see the deal).</summary>
public static class FileEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/deals/{id:guid}/files").WithTags("Deals").RequireAuthorization();

        files.MapPost("/", async (Guid id, string field, IFormFile file, RequestAccess access, DealService deals, FlowCatalog flows, FileStore store, CancellationToken ct) =>
            {
                var scope = await access.GetAsync(ct);
                var deal = await deals.GetAsync(id, scope, ct);
                if (deal is null) return DealProblems.NotFound();
                if (deal.RepId != scope.UserId) return Results.Problem(statusCode: 403, title: "Only the deal's rep uploads its deliverables.");
                var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
                if (flow.Find(deal.Current?.StageKey)?.Field(field) is not { Type: FieldType.File } target)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["field"] = [$"'{field}' is not a file field of the deal's current stage."] });
                var result = await store.SaveAsync(id, field, file, scope.UserId, target.AllowedFileTypes, ct);
                return result.Error is { } error
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, title: error)
                    : Results.Created($"/api/deals/{id}/files/{result.File!.Id}",
                        new { result.File.Id, result.File.FieldKey, result.File.FileName, result.File.SizeBytes, result.File.ContentType });
            })
            // Cookie-authenticated like the rest of the API; the SameSite=Lax session cookie is not sent on cross-site POSTs.
            .DisableAntiforgery()
            .WithSummary("Upload a file for a file field of the current stage; returns its id for the submission");

        files.MapGet("/{fileId:guid}", async (Guid id, Guid fileId, RequestAccess access, DealQueries deals, FileStore store, CancellationToken ct) =>
        {
            if (!await deals.IsVisibleAsync(id, await access.GetAsync(ct), ct)) return DealProblems.NotFound();
            return await store.FindAsync(id, fileId, ct) is { } found && File.Exists(found.Path)
                ? Results.File(found.Path, found.Record.ContentType, found.Record.FileName)
                : Results.Problem(statusCode: 404, title: "File not found.");
        }).WithSummary("Download a deliverable file");
    }
}
