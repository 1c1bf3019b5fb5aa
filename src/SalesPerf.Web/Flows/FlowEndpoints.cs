using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Flows;

public sealed record FlowVersionSummary(string DefinitionId, int Version, string Name, bool IsPublished, bool IsLatest,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, IReadOnlyList<string> Errors);

public sealed record FlowStageView(string Key, StageName Name, StageName Guidance, string Deadline, IReadOnlyList<string> Reminders,
    string? RepeatWhileOverdue, string? EscalateAfterOverdue, string Approver, string? ApproverRole, decimal Points,
    IReadOnlyDictionary<string, decimal> DeductionPerLateDay, decimal DeductionCap, string? NextStageKey,
    IReadOnlyList<string> SendBackTargets, IReadOnlyList<string> Fields);

/// <summary>Read-only flows API: which flows exist, their versions and validation status, and a version's compiled stages.</summary>
public static class FlowEndpoints
{
    public static void MapFlowEndpoints(this IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/flows").WithTags("Flows").RequireAuthorization();

        flows.MapGet("/", async (SalesPerfDbContext db, CancellationToken ct) =>
        {
            var rows = await db.FlowDefinitions.AsNoTracking().OrderBy(f => f.DefinitionId).ThenBy(f => f.Version).ToListAsync(ct);
            return rows.Select(f => new FlowVersionSummary(f.DefinitionId, f.Version, f.Name, f.IsPublished, f.IsLatest, f.CreatedAt, f.PublishedAt,
                FlowCompiler.Compile(f.Json, f.DefinitionId, f.Version).Errors.Select(e => e.ToString()).ToList()));
        }).WithSummary("Every version of every flow with its validation errors");

        flows.MapGet("/{definitionId}/versions/{version:int}", async (string definitionId, int version, FlowCatalog catalog, CancellationToken ct) =>
        {
            try
            {
                var flow = await catalog.GetAsync(definitionId, version, ct);
                return Results.Ok(new
                {
                    flow.DefinitionId, flow.Version, Name = DealViews.Name(flow.Name), flow.FirstStageKey,
                    Stages = flow.Stages.Select(s => new FlowStageView(s.Key, DealViews.Name(s.Name), DealViews.Name(s.Guidance),
                        s.Deadline.ToDeadlineString(), s.Reminders.Offsets.Select(o => o.ToString()).ToList(),
                        s.Reminders.RepeatWhileOverdue?.ToDeadlineString(), s.Reminders.EscalateAfterOverdue?.ToDeadlineString(),
                        s.Approval.Kind.ToString(), s.Approval.Role, s.Scoring.PointsOnApproval,
                        new Dictionary<string, decimal>
                        {
                            ["rep"] = s.Scoring.DeductionPerLateDayRep, ["customer"] = s.Scoring.DeductionPerLateDayCustomer,
                            ["other"] = s.Scoring.DeductionPerLateDayOther,
                        },
                        s.Scoring.DeductionCap, s.NextStageKey, s.SendBackTargets, s.Criteria.Select(c => c.Key).ToList())),
                });
            }
            catch (KeyNotFoundException)
            {
                return Results.Problem(statusCode: 404, title: $"Flow '{definitionId}' has no version {version}.");
            }
        }).WithSummary("One version of a flow, compiled: stages, deadlines, reminders, approval and scoring");
    }
}
