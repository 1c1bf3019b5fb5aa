using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;

namespace SalesPerf.Web.Designer.Migration;

public sealed record MigrationRequest(int FromVersion, int ToVersion, Dictionary<string, string>? StageMap, string? Token);

/// <summary>JSON form of the migration page: preview (GET) and run (POST) the move of running deals to a newer version.</summary>
internal static class MigrationEndpoints
{
    public static void MapMigrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/designer/flows/{definitionId}/migration").WithTags("Designer").RequireAuthorization(DesignerRegistration.AdminPolicy);

        group.MapGet("/", async (string definitionId, int from, int? to, string[]? map, DealMigrationService migrations, CancellationToken ct) =>
        {
            var outcome = await migrations.PreviewAsync(definitionId, from, to, ParseMap(map), ct);
            return outcome.Preview is { } preview ? Results.Ok(View(preview)) : Results.Problem(statusCode: 400, title: outcome.Error);
        }).WithSummary("Preview moving the running deals of version 'from' to version 'to' (map=oldKey:newKey for removed stages)");

        group.MapPost("/", async (string definitionId, MigrationRequest body, DealMigrationService migrations, RequestAccess access, CancellationToken ct) =>
        {
            var outcome = await migrations.MigrateAsync(definitionId, body.FromVersion, body.ToVersion, body.StageMap ?? [], body.Token ?? "",
                await access.GetAsync(ct), ct);
            if (outcome.Error is not null)
                return Results.Problem(statusCode: 409, title: outcome.Error, extensions: outcome.Preview is { } p
                    ? new Dictionary<string, object?> { ["preview"] = View(p) } : null);
            return Results.Ok(new { migrated = outcome.Migrated });
        }).WithSummary("Move the deals as previewed (all or none)");
    }

    public static Dictionary<string, string> ParseMap(IEnumerable<string>? pairs) =>
        (pairs ?? []).Select(p => p.Split(':', 2)).Where(p => p.Length == 2 && p[0].Length > 0 && p[1].Length > 0)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);

    private static object View(MigrationPreview p) => new
    {
        from = p.From.Version, to = p.To.Version, p.Token, p.CanMigrate, p.StagesToMap,
        targetStages = p.To.Stages.Select(s => new { s.Key, name = DealViews.Name(s.Name) }),
        deals = p.Deals.Select(d => new
        {
            d.DealId, d.Title, d.RepId, d.Status, d.PointsKept,
            d.Plan.FromStageKey, d.Plan.ToStageKey, d.Plan.DueBefore, d.Plan.DueAfter, d.Plan.DeadlineChanges, d.Plan.OverdueAfter,
            d.Plan.CompletedStages, d.Plan.Blockers, d.Plan.Warnings, d.Plan.CanMigrate,
        }),
    };
}
