using System.Globalization;
using Microsoft.AspNetCore.Identity;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Evaluations.Closing;

public sealed record ClosePeriodRequest(string? From, string? To);
public sealed record ReopenPeriodRequest(string? From, string? To, string? Reason);
public sealed record ClosedPeriodView(string Kind, string From, string To, int Version, DateTimeOffset ClosedAt, string ClosedBy,
    DateTimeOffset? ReopenedAt, string? ReopenedBy, string? ReopenReason, bool Current);

/// <summary>
/// /api/closed-periods: HR and admins list, close and reopen periods (a month, quarter or year; from/to as the reports take
/// them, to included). Closing twice answers 409, a period not over yet 400, a reopen without a reason 400, anyone else 403.
/// </summary>
public static class ClosingEndpoints
{
    public static void MapClosingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/closed-periods").WithTags("Reports").RequireAuthorization();

        group.MapGet("", async (RequestAccess access, ClosedPeriodStore store, CancellationToken ct) =>
        {
            if (!ReportAccess.MayClose(await access.GetAsync(ct))) return Forbidden();
            var all = await store.AllAsync(ct);
            var latest = all.GroupBy(r => (r.Start, r.End)).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
            return Results.Ok(all.Select(r => new ClosedPeriodView(r.Kind, Day(r.Start), Day(r.End.AddDays(-1)), r.Version, r.ClosedAt, r.ClosedByName,
                r.ReopenedAt, r.ReopenedByName, r.ReopenReason, latest[(r.Start, r.End)] == r.Version)).ToList());
        }).WithSummary("Every closed period with its versions (HR and admins)").ProducesProblem(403);

        group.MapPost("", async (ClosePeriodRequest body, HttpContext http, RequestAccess access, UserManager<AppUser> users, PeriodCloser closer, CancellationToken ct) =>
        {
            if (!ReportAccess.MayClose(await access.GetAsync(ct))) return Forbidden();
            if (Parse(body.From, body.To) is not { } period) return BadPeriod();
            var result = await closer.CloseAsync(period, await ActorAsync(http, users), ct);
            return result.Status == ClosingStatus.Closed ? Results.Json(new { version = result.Version }, statusCode: 201) : Problem(result);
        }).WithSummary("Close a period: its evaluations are stored and no longer change (HR and admins)").ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        group.MapPost("/reopen", async (ReopenPeriodRequest body, HttpContext http, RequestAccess access, UserManager<AppUser> users, PeriodCloser closer, CancellationToken ct) =>
        {
            if (!ReportAccess.MayClose(await access.GetAsync(ct))) return Forbidden();
            if (Parse(body.From, body.To) is not { } period) return BadPeriod();
            var result = await closer.ReopenAsync(period, await ActorAsync(http, users), body.Reason, ct);
            return result.Status == ClosingStatus.Reopened ? Results.Ok(new { version = result.Version }) : Problem(result);
        }).WithSummary("Reopen a closed period with a reason; closing it again makes the next version (HR and admins)").ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);
    }

    public static async Task<ClosingActor> ActorAsync(HttpContext http, UserManager<AppUser> users) =>
        await users.GetUserAsync(http.User) is { } user ? new ClosingActor(user.Id, user.DisplayName) : throw new InvalidOperationException("Not signed in.");

    private static EvaluationPeriod? Parse(string? from, string? to) =>
        string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) ? null : ReportPeriod.Parse(from, to, DateOnly.MinValue).Period;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Forbidden() =>
        Results.Problem(statusCode: 403, title: "Only HR and admins close and reopen periods.");

    private static IResult BadPeriod() => Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give the period as from/to dates (yyyy-MM-dd, to included)."] },
        title: "The period is not valid.", extensions: new Dictionary<string, object?> { ["code"] = "badPeriod" });

    private static IResult Problem(ClosingResult result) => result.Status switch
    {
        ClosingStatus.AlreadyClosed => Results.Problem(statusCode: 409, title: $"This period is already closed (version {result.Version}).",
            detail: "Reopen it with a reason to close it again as a new version.", extensions: new Dictionary<string, object?> { ["code"] = "alreadyClosed", ["version"] = result.Version }),
        ClosingStatus.NotClosed => Results.Problem(statusCode: 409, title: "This period is not closed.", extensions: new Dictionary<string, object?> { ["code"] = "notClosed" }),
        ClosingStatus.NotOver => Results.Problem(statusCode: 400, title: "This period is not over yet; it can be closed from the day after its last day.",
            extensions: new Dictionary<string, object?> { ["code"] = "notOver" }),
        ClosingStatus.NotAPeriod => Results.Problem(statusCode: 400, title: "Only a calendar month, quarter or year can be closed.",
            extensions: new Dictionary<string, object?> { ["code"] = "notAPeriod" }),
        ClosingStatus.ReasonRequired => Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Give the reason for reopening ({PeriodCloser.MinReasonLength} to 2000 characters)."] },
            title: "A reason is required to reopen a closed period.", extensions: new Dictionary<string, object?> { ["code"] = "reasonRequired" }),
        _ => Results.Problem(statusCode: 500),
    };
}
