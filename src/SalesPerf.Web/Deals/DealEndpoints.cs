using Microsoft.AspNetCore.Mvc;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Api;
using SalesPerf.Web.Files;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Deals;

/// <summary>The deals JSON API under /api/deals. Every handler goes through the caller's access scope.</summary>
public static class DealEndpoints
{
    public static void MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/api/deals").WithTags("Deals").RequireAuthorization();

        deals.MapGet("/", async ([AsParameters] DealListQuery q, RequestAccess access, DealQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.ListAsync(await access.GetAsync(ct),
                    new DealListFilter(q.Status, q.Stage, q.RepId, q.CustomerType, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithSummary("Deals the caller may see, most urgent first");

        deals.MapPost("/", async (CreateDealRequest body, RequestAccess access, DealService service, ViewBuilder views, CancellationToken ct) =>
            {
                var outcome = await service.CreateAsync(body, await access.GetAsync(ct), ct);
                return outcome.Error is { } error
                    ? DealProblems.From(error)
                    : Results.Created($"/api/deals/{outcome.State!.Id}", await views.DetailAsync(outcome.State, ct));
            })
            .Validate<CreateDealRequest>().WithSummary("Start a deal on the latest published version of a flow");

        deals.MapGet("/{id:guid}", async (Guid id, RequestAccess access, DealService service, ViewBuilder views, CancellationToken ct) =>
                await service.GetAsync(id, await access.GetAsync(ct), ct) is { } deal ? Results.Ok(await views.DetailAsync(deal, ct)) : DealProblems.NotFound())
            .WithSummary("A deal with its stages, current stage criteria, delays and follow-ups");

        deals.MapGet("/{id:guid}/events", async (Guid id, RequestAccess access, DealQueries queries, CancellationToken ct) =>
                await queries.IsVisibleAsync(id, await access.GetAsync(ct), ct) ? Results.Ok(await queries.EventsAsync(id, ct)) : DealProblems.NotFound())
            .WithSummary("Everything that happened to the deal: who, when, what");

        deals.MapGet("/{id:guid}/score", async (Guid id, RequestAccess access, DealQueries queries, CancellationToken ct) =>
                await queries.IsVisibleAsync(id, await access.GetAsync(ct), ct) ? Results.Ok(await queries.ScoreAsync(id, ct)) : DealProblems.NotFound())
            .WithSummary("The deal's score lines, each tied to the event that caused it");

        Command<FollowUpRequest>(deals, "/{id:guid}/follow-ups", "Log a follow-up visit or call",
            (r, now) => new LogFollowUp(r.VisitedAt ?? now, r.Content ?? "", r.CustomerNeeds, r.NextStep, r.NextStepDate));
        deals.MapPost("/{id:guid}/submissions", async (Guid id, SubmitRequest r, RequestAccess access, DealService service, FileStore files, ViewBuilder views, CancellationToken ct) =>
            {
                var uploaded = await files.ResolveAsync(id, r.Files ?? [], ct);
                var deliverable = new Deliverable(r.Values ?? [], (r.Checked ?? []).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value), uploaded);
                return await Run(id, new SubmitDeliverable(r.StageKey ?? "", deliverable), access, service, views, ct);
            })
            .Validate<SubmitRequest>().WithSummary("Submit the current stage's deliverable (field values, ticked items, uploaded file ids)");
        Command<ApproveRequest>(deals, "/{id:guid}/submissions/{no:int}/approve", "Approve a submission (the stage's approver)",
            (r, _, no) => new ApproveSubmission(no, r.Comment));
        Command<SendBackRequest>(deals, "/{id:guid}/submissions/{no:int}/send-back", "Send a submission back, to the same or a chosen earlier stage",
            (r, _, no) => new SendBackSubmission(no, r.Comment ?? "", r.ToStageKey));
        Command<DelayReasonRequest>(deals, "/{id:guid}/delay-reasons", "Record why the current stage is late",
            (r, _) => new RecordDelayReason(r.Reason ?? "", r.Attribution!.Value));
        Command<ReclassifyRequest>(deals, "/{id:guid}/delay-reasons/{no:int}/reclassify", "Re-classify who caused a delay (manager)",
            (r, _, no) => new ReclassifyDelay(no, r.Attribution!.Value, r.Comment));
        Command<WinRequest>(deals, "/{id:guid}/win", "Close the deal as won (manager)", (r, _) => new WinDeal(r.ContractValue, r.Note));
        Command<ReasonRequest>(deals, "/{id:guid}/lose", "Close the deal as lost, with a reason", (r, _) => new LoseDeal(r.Reason ?? ""));
        Command<ReasonRequest>(deals, "/{id:guid}/hold", "Put the deal on hold, with a reason", (r, _) => new HoldDeal(r.Reason ?? ""));

        deals.MapPost("/{id:guid}/resume", (Guid id, RequestAccess access, DealService service, ViewBuilder views, CancellationToken ct) =>
                Run(id, new ResumeDeal(), access, service, views, ct))
            .WithSummary("Resume a deal that was on hold; its due times move by the time on hold");
    }

    private static void Command<T>(RouteGroupBuilder group, string route, string summary, Func<T, DateTimeOffset, DealCommand> toCommand) where T : class =>
        group.MapPost(route, async (Guid id, [FromBody] T body, RequestAccess access, DealService service, ViewBuilder views, TimeProvider clock, CancellationToken ct) =>
                await Run(id, toCommand(body, clock.GetUtcNow()), access, service, views, ct))
            .Validate<T>().WithSummary(summary);

    private static void Command<T>(RouteGroupBuilder group, string route, string summary, Func<T, DateTimeOffset, int, DealCommand> toCommand) where T : class =>
        group.MapPost(route, async (Guid id, int no, [FromBody] T body, RequestAccess access, DealService service, ViewBuilder views, TimeProvider clock, CancellationToken ct) =>
                await Run(id, toCommand(body, clock.GetUtcNow(), no), access, service, views, ct))
            .Validate<T>().WithSummary(summary);

    private static async Task<IResult> Run(Guid id, DealCommand command, RequestAccess access, DealService service, ViewBuilder views, CancellationToken ct)
    {
        var outcome = await service.ExecuteAsync(id, command, await access.GetAsync(ct), ct);
        if (outcome.NotFound) return DealProblems.NotFound();
        return outcome.Error is { } error ? DealProblems.From(error) : Results.Ok(await views.DetailAsync(outcome.State!, ct));
    }
}

public sealed record DealListQuery(DealStatus? Status, string? Stage, string? RepId, string? CustomerType, int? Page, int? PageSize);
