using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Targets;

public sealed record ProposeTargetRequest(decimal? Value, string? Comment, DateOnly? EffectiveFrom);
public sealed record DecideTargetRequest(string? Comment, DateOnly? EffectiveFrom);

/// <summary>
/// /api/targets: the caller's visible targets, a rep's targets with their logs (404 for reps the caller cannot see),
/// a rep's proposal, a manager's decision. Same rules as the pages (<see cref="TargetService"/>).
/// </summary>
public static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/targets").WithTags("Targets").RequireAuthorization();
        g.MapGet("/", async (string? period, RequestAccess access, TargetBoardQuery board, TargetService service, CancellationToken ct) =>
        {
            if (Period(period, service) is not { } p) return BadPeriod();
            var scope = await access.GetAsync(ct);
            var headline = await board.HeadlineAsync(scope, p, ct);
            var mine = await board.RepAsync(scope, scope.UserId, p, ct);
            return Results.Ok(new
            {
                period = p.Token,
                headline = headline.Select(t => new { t.Id, t.Level, t.OwnerId, t.Metric, t.Value, t.Status, t.Locked }),
                mine = mine?.Cards.Select(Card) ?? [],
                pendingProposals = (await board.PendingForAsync(scope, ct)).Select(p => new
                {
                    p.Id, p.TargetId, p.RepId, p.RepName, p.Metric, period = p.Period.Token, current = p.Current, proposed = p.Proposed, p.Comment, p.EffectiveFrom, p.At,
                }),
            });
        });
        g.MapGet("/reps/{repId}", async (string repId, string? period, RequestAccess access, TargetBoardQuery board, TargetService service, CancellationToken ct) =>
        {
            if (Period(period, service) is not { } p) return BadPeriod();
            var rep = await board.RepAsync(await access.GetAsync(ct), repId, p, ct);
            return rep is { } r ? Results.Ok(new { repId, name = r.Name, period = p.Token, targets = r.Cards.Select(Card) }) : Problem(TargetResult.NotFound());
        });
        g.MapPost("/{id:guid}/proposals", async (Guid id, ProposeTargetRequest body, RequestAccess access, TargetService service, CancellationToken ct) =>
            Problem(await service.ProposeAsync(await access.GetAsync(ct), id, body.Value, body.Comment, body.EffectiveFrom, ct)));
        g.MapPost("/proposals/{id:guid}/approve", async (Guid id, DecideTargetRequest body, RequestAccess access, TargetService service, CancellationToken ct) =>
            Problem(await service.DecideAsync(await access.GetAsync(ct), id, true, body.Comment, body.EffectiveFrom, ct)));
        g.MapPost("/proposals/{id:guid}/reject", async (Guid id, DecideTargetRequest body, RequestAccess access, TargetService service, CancellationToken ct) =>
            Problem(await service.DecideAsync(await access.GetAsync(ct), id, false, body.Comment, null, ct)));
        return app;
    }

    private static object Card(RepTargetCard c) => new
    {
        c.Target.Id, c.Target.Metric, period = c.Period.Token, c.Target.Value, c.Target.Status, c.Target.Locked,
        log = c.Log.Select(l => new { l.At, l.By, l.Action, oldValue = l.Old, newValue = l.New, l.Comment, l.EffectiveFrom }),
        proposals = c.Proposals.Select(p => new { p.Id, p.Current, p.Proposed, p.Comment, p.EffectiveFrom, p.Status, p.DecidedBy, p.DecisionComment, p.DecidedAt }),
    };

    private static TargetPeriod? Period(string? token, TargetService service) =>
        string.IsNullOrWhiteSpace(token) ? TargetPeriod.Containing(service.Today, TargetPeriodKinds.Quarter) : TargetPeriod.Parse(token);

    private static IResult BadPeriod() => Results.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["Use yyyy-MM, yyyy-Qn or yyyy."] });

    public static IResult Problem(TargetResult r) => r.Failure switch
    {
        TargetFailure.None => Results.Ok(new { ok = true }),
        TargetFailure.Invalid => Results.ValidationProblem(r.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: r.Message),
        TargetFailure.Forbidden => Results.Problem(statusCode: 403, title: r.Message),
        TargetFailure.Conflict => Results.Problem(statusCode: 409, title: r.Message),
        _ => Results.Problem(statusCode: 404, title: r.Message),
    };
}
