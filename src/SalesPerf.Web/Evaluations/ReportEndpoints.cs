using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Evaluations;

/// <summary>
/// The report PDFs under /api/reports: one rep's evaluation and a team's review pack for a period. Same access rules as
/// the portal (a rep their own, a manager their team, HR and admins all); errors are RFC 7807 problem details.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();

        reports.MapGet("/reps/{repId}.pdf", (string repId, [AsParameters] ReportRequest request, ReportService service, ReportPdf pdf, CancellationToken ct) =>
                request.AnswerAsync("Rep", (scope, period, language) => service.RepAsync(scope, repId, period, language, ct, request.Version), e => RepPdf(pdf, e), ct))
            .WithSummary("A rep's evaluation report as PDF (from/to: yyyy-MM-dd, to included; default last month; lang: zh-CN or en; version: a closed version, HR and admins)")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);

        reports.MapGet("/teams/{teamId:guid}.pdf", (Guid teamId, [AsParameters] ReportRequest request, ReportService service, ReportPdf pdf, CancellationToken ct) =>
                request.AnswerAsync("Team", (scope, period, language) => service.TeamAsync(scope, teamId, period, language, ct, request.Version), e => TeamPackPdf(pdf, e), ct))
            .WithSummary("A team's review pack as PDF: the team summary followed by every rep's report")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
    }

    public static IResult RepPdf(ReportPdf pdf, RepEvaluation e) =>
        Draw(pdf, e.Language, () => Results.File(pdf.Rep(e), "application/pdf", ReportService.RepFileName(e)));

    public static IResult TeamPackPdf(ReportPdf pdf, TeamEvaluation e) =>
        Draw(pdf, e.Language, () => Results.File(TeamPackFile(pdf, e), "application/pdf", ReportService.TeamFileName(e)));

    /// <summary>The pack is drawn page by page into a temporary file (deleted when the response is done), not held in memory.</summary>
    private static Stream TeamPackFile(ReportPdf pdf, TeamEvaluation evaluation)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            pdf.TeamPack(evaluation, file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    internal static IResult BadPeriod(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The report period is not valid.", extensions: new Dictionary<string, object?> { ["code"] = "badPeriod" });

    /// <summary>Draws the PDF; without a Chinese font a report with Chinese text is refused with 503 and what to install, never printed as boxes.</summary>
    private static IResult Draw(ReportPdf pdf, string language, Func<IResult> draw)
    {
        try { return draw(); }
        catch (SalesPerf.Reports.ReportFontMissingException e)
        {
            return Results.Problem(statusCode: 503, title: "No Chinese font is installed on the server.", detail: pdf.HasCjk ? e.Message : pdf.MessageFor(language),
                extensions: new Dictionary<string, object?> { ["code"] = "noCjkFont" });
        }
    }

    internal static IResult Denied(ReportDecision decision, string what) => decision == ReportDecision.Forbidden
        ? Results.Problem(statusCode: 403, title: $"{what} report not allowed.", detail: "Managers read their own team's reports; HR and admins read all.")
        : Results.Problem(statusCode: 404, title: $"{what} not found.", detail: $"There is no such {what.ToLowerInvariant()}, or it is not one whose reports you can read.");
}

/// <summary>What both report URLs take: the period (from/to), the language (lang, else the user's own), a closed version (HR, admins) and the caller.</summary>
public sealed record ReportRequest([FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To, [FromQuery(Name = "lang")] string? Lang,
    [FromQuery(Name = "version")] int? Version,
    HttpContext Http, RequestAccess Access, UserManager<AppUser> Users, CalendarToday Today)
{
    /// <summary>400 for a bad period, 403/404 when the caller may not read it, else the drawn PDF.</summary>
    public async Task<IResult> AnswerAsync<T>(string what, Func<AccessScope, EvaluationPeriod, string, Task<ReportOutcome<T>>> load, Func<T, IResult> draw,
        CancellationToken ct) where T : class
    {
        var (period, errors) = ReportPeriod.Parse(From, To, Today.Date);
        if (period is null) return ReportEndpoints.BadPeriod(errors);
        var language = ReportService.Language(Lang, (await Users.GetUserAsync(Http.User))?.Culture);
        var outcome = await load(await Access.GetAsync(ct), period, language);
        return outcome.Value is { } evaluation ? draw(evaluation) : ReportEndpoints.Denied(outcome.Decision, what);
    }
}

/// <summary>Today's date in the company's time zone.</summary>
public sealed class CalendarToday(TimeProvider clock, Flows.CalendarProvider calendars)
{
    public DateOnly Date => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone).DateTime);
}
