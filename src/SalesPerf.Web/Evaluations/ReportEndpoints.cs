using Microsoft.AspNetCore.Identity;
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

        reports.MapGet("/reps/{repId}.pdf", async (string repId, string? from, string? to, string? lang, HttpContext http, RequestAccess access,
                ReportService service, ReportPdf pdf, UserManager<AppUser> users, CalendarToday today, CancellationToken ct) =>
            {
                var (period, errors) = ReportPeriod.Parse(from, to, today.Date);
                if (period is null) return BadPeriod(errors);
                var language = ReportService.Language(lang, (await users.GetUserAsync(http.User))?.Culture);
                var outcome = await service.RepAsync(await access.GetAsync(ct), repId, period, language, ct);
                if (outcome.Value is not { } evaluation) return Denied(outcome.Decision, "Rep");
                return Draw(pdf, language, () => Results.File(pdf.Rep(evaluation), "application/pdf", ReportService.RepFileName(evaluation)));
            })
            .WithSummary("A rep's evaluation report as PDF (from/to: yyyy-MM-dd, to included; default last month; lang: zh-CN or en)")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);

        reports.MapGet("/teams/{teamId:guid}.pdf", async (Guid teamId, string? from, string? to, string? lang, HttpContext http, RequestAccess access,
                ReportService service, ReportPdf pdf, UserManager<AppUser> users, CalendarToday today, CancellationToken ct) =>
            {
                var (period, errors) = ReportPeriod.Parse(from, to, today.Date);
                if (period is null) return BadPeriod(errors);
                var language = ReportService.Language(lang, (await users.GetUserAsync(http.User))?.Culture);
                var outcome = await service.TeamAsync(await access.GetAsync(ct), teamId, period, language, ct);
                if (outcome.Value is not { } evaluation) return Denied(outcome.Decision, "Team");
                return Draw(pdf, language, () => Results.File(TeamPackFile(pdf, evaluation), "application/pdf", ReportService.TeamFileName(evaluation)));
            })
            .WithSummary("A team's review pack as PDF: the team summary followed by every rep's report")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
    }

    /// <summary>The pack is drawn page by page into a temporary file (deleted when the response is done), not held in memory.</summary>
    public static Stream TeamPackFile(ReportPdf pdf, TeamEvaluation evaluation)
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

    public static IResult BadPeriod(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The report period is not valid.", extensions: new Dictionary<string, object?> { ["code"] = "badPeriod" });

    /// <summary>Draws the PDF; without a Chinese font a report with Chinese text is refused with 503 and what to install, never printed as boxes.</summary>
    public static IResult Draw(ReportPdf pdf, string language, Func<IResult> draw)
    {
        try { return draw(); }
        catch (SalesPerf.Reports.ReportFontMissingException e)
        {
            return Results.Problem(statusCode: 503, title: "No Chinese font is installed on the server.", detail: pdf.HasCjk ? e.Message : pdf.MessageFor(language),
                extensions: new Dictionary<string, object?> { ["code"] = "noCjkFont" });
        }
    }

    private static IResult Denied(ReportDecision decision, string what) => decision == ReportDecision.Forbidden
        ? Results.Problem(statusCode: 403, title: $"{what} report not allowed.", detail: "Managers read their own team's reports; HR and admins read all.")
        : Results.Problem(statusCode: 404, title: $"{what} not found.", detail: $"There is no such {what.ToLowerInvariant()}, or it is not one whose reports you can read.");
}

/// <summary>Today's date in the company's time zone.</summary>
public sealed class CalendarToday(TimeProvider clock, Flows.CalendarProvider calendars)
{
    public DateOnly Date => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone).DateTime);
}
