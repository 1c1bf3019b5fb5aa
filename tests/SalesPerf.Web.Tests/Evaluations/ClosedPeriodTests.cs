using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>
/// Periods close and stay closed: HR closes March, a follow-up back-dated into March arrives later, and March's report
/// (page and PDF) does not move; reopening needs a reason and HR or an admin, and closing again makes version 2 while
/// version 1 stays readable. Run once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class ClosedPeriodTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string RepPdf => $"/api/reports/reps/{_app.UserIds["rA"]}.pdf?{March}";

    public async Task InitializeAsync()
    {
        _app = await new TestApp(database()).StartAsync();
        await _app.AddUserAsync("hr1", Roles.Hr);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private async Task<ApiClient> SignInEnglishAsync(string key)
    {
        var client = await _app.SignInAsync(key);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static string Total(string html) => Regex.Match(html, "<strong id=\"total-score\">([^<]+)</strong>").Groups[1].Value;

    [Fact]
    public async Task A_closed_month_keeps_its_figures_when_a_back_dated_follow_up_arrives_and_a_new_version_takes_it_in()
    {
        var rep = await SignInEnglishAsync("rA");
        var manager = await SignInEnglishAsync("mN");
        var hr = await SignInEnglishAsync("hr1");
        var dealId = await SeedMarchAsync(_app, rep, manager);
        _app.Clock.Advance(TimeSpan.FromDays(5)); // 3 April: March is over

        var (status, body) = await hr.CloseAsync();
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, body!["version"]!.GetValue<int>());
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
            var closed = await db.ClosedPeriods.SingleAsync();
            Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), "month", "hr1"), (closed.Start, closed.End, closed.Kind, closed.ClosedByName));
            // North and South, each in Chinese and English.
            Assert.Equal(4, await db.ClosedPeriodSnapshots.CountAsync(s => s.ClosedPeriodId == closed.Id));
            Assert.Equal(["en", "zh-CN"], (await db.ClosedPeriodSnapshots.Select(s => s.Language).Distinct().ToListAsync()).Order());
        }
        var closedPdf = Text(await rep.PdfAsync(RepPdf + "&lang=en"));
        var closedPdfZh = Text(await rep.PdfAsync(RepPdf + "&lang=zh-CN"));
        var closedPage = WebUtility.HtmlDecode(await rep.HtmlAsync("/Reports?kind=month&month=2026-03"));
        Assert.Contains(Squash("Version 1 · generated 2026-04-03"), closedPdf);
        Assert.Contains(Squash("· Closed"), closedPdf);
        Assert.Contains(Squash("第 1 版 · 生成于 2026-04-03"), closedPdfZh);
        Assert.Contains("已结账", closedPdfZh);
        Assert.Contains("Closed · version 1 · closed on 2026-04-03", closedPage);
        Assert.Contains("by hr1", closedPage);
        Assert.DoesNotContain("id=\"close-form\"", closedPage); // a rep gets no close / reopen buttons
        Assert.DoesNotContain("id=\"reopen-form\"", closedPage);
        var followUpsAtClose = (await _app.FreshMarchAsync("rA")).Indicator(EvaluationModel.FollowUps);

        // A day later the rep logs a visit of 20 March.
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var visit = await rep.PostAsync($"/api/deals/{dealId}/follow-ups",
            new { visitedAt = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(8)), content = "Visit of 20 March, logged late" });
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());
        // Even computed afresh, closed March leaves it out: it counts in April, where it was logged, as an adjustment (below).
        Assert.Equal(followUpsAtClose, (await _app.FreshMarchAsync("rA")).Indicator(EvaluationModel.FollowUps));

        // March as stored: the same report, figure for figure, on the page and in both PDFs (rep's and the team pack).
        Assert.Equal(closedPdf, Text(await rep.PdfAsync(RepPdf + "&lang=en")));
        Assert.Equal(closedPdfZh, Text(await rep.PdfAsync(RepPdf + "&lang=zh-CN")));
        var pageAfter = WebUtility.HtmlDecode(await rep.HtmlAsync("/Reports?kind=month&month=2026-03"));
        Assert.Equal(Total(closedPage), Total(pageAfter));
        Assert.Equal(Regex.Matches(closedPage, "class=\"num\">[^<]*<").Select(m => m.Value), Regex.Matches(pageAfter, "class=\"num\">[^<]*<").Select(m => m.Value));
        Assert.Contains("Closed · version 1", pageAfter);

        // April is not closed: it says provisional, on the page and in the PDF.
        var april = WebUtility.HtmlDecode(await rep.HtmlAsync("/Reports?kind=month&month=2026-04"));
        Assert.Contains("Provisional — may still change", april);
        Assert.Contains("1 follow-up(s) logged with a visit date in the period (of them 1 dated in a closed period but entered after it closed, counted here as adjustments)", april);
        var aprilPdf = Text(await rep.PdfAsync($"/api/reports/reps/{_app.UserIds["rA"]}.pdf?from=2026-04-01&to=2026-04-30&lang=en"));
        Assert.Contains(Squash("Provisional · generated 2026-04-04"), aprilPdf);
        Assert.DoesNotContain("Version", aprilPdf);

        // Closing twice is a conflict; reps and managers may neither close nor reopen; a reopen needs a reason.
        var (again, problem) = await hr.CloseAsync();
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("alreadyClosed", problem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.ReopenAsync("The customer paid in March after all")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.ReopenAsync("The customer paid in March after all")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.CloseAsync(new { from = "2026-02-01", to = "2026-02-28" })).Status);
        var (noReason, reasonProblem) = await hr.ReopenAsync("  ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Equal("reasonRequired", reasonProblem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await hr.ReopenAsync("Visit of 20 March logged late")).Status);

        // Reopened: provisional again, with the late visit, and the page says why.
        var reopened = WebUtility.HtmlDecode(await hr.HtmlAsync($"/Reports?rep={_app.UserIds["rA"]}&kind=month&month=2026-03"));
        Assert.Contains("Provisional — may still change", reopened);
        Assert.Contains("Version 1 was reopened on 2026-04-04", reopened);
        Assert.Contains("Visit of 20 March logged late", reopened);
        Assert.Contains("id=\"close-form\"", reopened);

        // Closed again: version 2 has the new figures; version 1 is still readable (HR), as it was.
        _app.Clock.Advance(TimeSpan.FromHours(2));
        var (closedAgain, v2) = await hr.CloseAsync();
        Assert.Equal(HttpStatusCode.Created, closedAgain);
        Assert.Equal(2, v2!["version"]!.GetValue<int>());
        var v2Pdf = Text(await rep.PdfAsync(RepPdf + "&lang=en"));
        Assert.Contains(Squash("Version 2 · generated 2026-04-04"), v2Pdf);
        Assert.Contains(Squash("Closed again because: Visit of 20 March logged late"), v2Pdf);
        using (var scope = _app.Services.CreateScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            var hrScope = await AccessScope.ForUserAsync(_app.UserIds["hr1"], new HashSet<string> { Roles.Hr }, scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>());
            var current = (await reports.RepAsync(hrScope, _app.UserIds["rA"], ReportPeriod.Month(2026, 3), "en")).Value!;
            var first = (await reports.RepAsync(hrScope, _app.UserIds["rA"], ReportPeriod.Month(2026, 3), "en", version: 1)).Value!;
            Assert.Equal(followUpsAtClose + 1, current.Indicator(EvaluationModel.FollowUps));
            Assert.Equal(followUpsAtClose, first.Indicator(EvaluationModel.FollowUps));
            Assert.Equal((2, true), (current.Stamp!.Version, current.Stamp.Closed));
            Assert.Equal((1, true), (first.Stamp!.Version, first.Stamp.Closed));
        }
        Assert.Equal(closedPdf, Text(await hr.PdfAsync(RepPdf + "&lang=en&version=1")));
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync(RepPdf + "&lang=en&version=1")).StatusCode); // older versions: HR and admins
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(RepPdf + "&lang=en&version=3")).StatusCode);
        var v1Page = WebUtility.HtmlDecode(await hr.HtmlAsync($"/Reports?rep={_app.UserIds["rA"]}&kind=month&month=2026-03&version=1"));
        Assert.Contains("Closed · version 1", v1Page);
        Assert.Contains("This version was reopened on 2026-04-04 09:00 by hr1: Visit of 20 March logged late", v1Page);
        Assert.Equal(Total(closedPage), Total(v1Page));

        // HR's list shows both versions; the store gives the engine March with version 2's closing time.
        var list = (await hr.GetJsonAsync("/api/closed-periods")).AsArray();
        Assert.Equal([2, 1], list.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/closed-periods")).StatusCode);
        var closedList = WebUtility.HtmlDecode(await hr.HtmlAsync("/Reports/Closed"));
        Assert.Contains("2026-03-01 – 2026-03-31", closedList);
        Assert.Contains("Visit of 20 March logged late", closedList);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/Reports/Closed")).Effective());
        using (var scope = _app.Services.CreateScope())
        {
            var periods = await scope.ServiceProvider.GetRequiredService<ClosedPeriodStore>().ClosedPeriodsAsync(default);
            var (period, closedAt) = Assert.Single(periods);
            Assert.Equal(ReportPeriod.Month(2026, 3), period);
            Assert.Equal(_app.Clock.GetUtcNow(), closedAt);
        }
    }

    [Fact]
    public async Task A_snapshot_read_back_equals_what_was_computed()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        await SeedMarchAsync(_app, rep, manager);
        _app.Clock.Advance(TimeSpan.FromDays(5));
        using var scope = _app.Services.CreateScope();
        var loader = scope.ServiceProvider.GetRequiredService<EvaluationLoader>();
        var north = (await loader.TeamOfRepAsync(_app.UserIds["rA"], ReportPeriod.Month(2026, 3)))!;
        var computed = new Dictionary<string, TeamEvaluation>();
        foreach (var language in PeriodCloser.Languages) computed[language] = await loader.EvaluateAsync(north, ReportPeriod.Month(2026, 3), language);

        Assert.Equal(ClosingStatus.Closed, (await scope.ServiceProvider.GetRequiredService<PeriodCloser>()
            .CloseAsync(ReportPeriod.Month(2026, 3), new ClosingActor(_app.UserIds["admin"], "admin"))).Status);

        var store = scope.ServiceProvider.GetRequiredService<ClosedPeriodStore>();
        var version = (await store.ClosedNowAsync(ReportPeriod.Month(2026, 3)))!;
        foreach (var language in PeriodCloser.Languages)
        {
            var stored = (await store.SnapshotAsync(version.Id, ClosedPeriodStore.TeamSubject(north.Id!.Value), language))!;
            var expected = computed[language];
            Assert.Equal(new EvaluationStamp(1, _app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), true), stored.Stamp);
            Assert.Equal((expected.TeamName, expected.ManagerName, expected.Period, expected.Language), (stored.TeamName, stored.ManagerName, stored.Period, stored.Language));
            Assert.Equal(expected.Reps.Count, stored.Reps.Count);
            foreach (var (e, s) in expected.Reps.Zip(stored.Reps))
            {
                Assert.Equal((e.RepId, e.RepName, e.TotalScore, e.TeamAverageTotal, e.Rank, e.TeamSize), (s.RepId, s.RepName, s.TotalScore, s.TeamAverageTotal, s.Rank, s.TeamSize));
                Assert.Equal(stored.Stamp, s.Stamp);
                Assert.Equivalent(e.Dimensions, s.Dimensions, strict: true);
                Assert.Equal(e.Dimensions.SelectMany(d => d.Indicators), s.Dimensions.SelectMany(d => d.Indicators)); // records: value equality per indicator
                Assert.Equal(e.Delays, s.Delays);
                Assert.Equal(e.Comments, s.Comments);
                Assert.Equal(e.Training, s.Training);
                Assert.Equivalent(e.Deals, s.Deals, strict: true);
            }
            Assert.Equal(SnapshotJson.Serialize(expected.Stamped(stored.Stamp!)), SnapshotJson.Serialize(stored));
        }
        Assert.Contains(computed["zh-CN"].Reps.SelectMany(r => r.Delays), d => d.Reason == "客户未提供完整的用电数据");
    }

    [Fact]
    public async Task A_period_not_over_yet_or_not_a_calendar_period_cannot_be_closed()
    {
        var admin = await SignInEnglishAsync("admin");
        _app.Clock.Advance(TimeSpan.FromDays(29)); // 31 March
        var (status, problem) = await admin.CloseAsync();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("notOver", problem!["code"]!.GetValue<string>());
        var page = WebUtility.HtmlDecode(await admin.HtmlAsync($"/Reports?rep={_app.UserIds["rA"]}&kind=month&month=2026-03"));
        Assert.Contains("This period can be closed from 2026-04-01.", page);
        Assert.DoesNotContain("id=\"close-form\"", page);

        _app.Clock.Advance(TimeSpan.FromDays(1)); // 1 April
        Assert.Equal("notAPeriod", (await admin.CloseAsync(new { from = "2026-03-05", to = "2026-03-20" })).Body!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.ReopenAsync("Nothing was closed yet")).Status);
        Assert.Equal(HttpStatusCode.Created, (await admin.CloseAsync()).Status);
    }

    [Fact]
    public async Task Hr_closes_and_reopens_from_the_report_page_with_a_reason()
    {
        _app.Clock.Advance(TimeSpan.FromDays(31)); // 2 April
        var hr = await SignInEnglishAsync("hr1");
        var page = $"/Reports?rep={_app.UserIds["rA"]}&kind=month&month=2026-03";
        var html = WebUtility.HtmlDecode(await hr.HtmlAsync(page));
        Assert.Contains("Provisional — may still change", html);
        Assert.Contains("data-confirm=\"Close this period? Its evaluations are stored as version 1 and no longer change.\"", html);
        var fields = new List<KeyValuePair<string, string>> { new("kind", "month"), new("month", "2026-03"), new("rep", _app.UserIds["rA"]) };

        var closed = await hr.PostFormAsync(page, "/Reports?handler=Close", fields);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        html = WebUtility.HtmlDecode(await hr.HtmlAsync(closed.Headers.Location!.OriginalString));
        Assert.Contains("Closed as version 1. The figures of this period no longer change.", html);
        Assert.Contains("Closed · version 1 · closed on 2026-04-02 09:00 by hr1", html);
        Assert.Contains("id=\"reopen-form\"", html);

        var noReason = await hr.PostFormAsync(page, "/Reports?handler=Reopen", fields.Append(new("Reason", "")));
        html = WebUtility.HtmlDecode(await hr.HtmlAsync(noReason.Headers.Location!.OriginalString));
        Assert.Contains("Give the reason for reopening (at least 5 characters).", html);
        Assert.Contains("Closed · version 1", html);

        // A manager (the rep's own) cannot post the page's close or reopen.
        var manager = await SignInEnglishAsync("mN");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostFormAsync(page, "/Reports?handler=Reopen", fields.Append(new("Reason", "I want to change it")))).Effective());

        var reopened = await hr.PostFormAsync(page, "/Reports?handler=Reopen", fields.Append(new("Reason", "Ratings entered late")));
        html = WebUtility.HtmlDecode(await hr.HtmlAsync(reopened.Headers.Location!.OriginalString));
        Assert.Contains("Version 1 reopened. Figures are provisional until the period is closed again.", html);
        Assert.Contains("Provisional — may still change", html);
        Assert.Contains("Version 1 was reopened on 2026-04-02 09:00 by hr1: Ratings entered late", html);
        Assert.Contains("Close this period? Its evaluations are stored as version 2 and no longer change.", html);

        // The Chinese page says the same.
        var zh = await _app.SignInAsync("hr1");
        var zhHtml = WebUtility.HtmlDecode(await zh.HtmlAsync(page));
        Assert.Contains("临时结果——仍可能变化", zhHtml);
        Assert.Contains("第 1 版已于 2026-04-02 09:00 由 hr1 重新开放：Ratings entered late", zhHtml);
        _ = CultureInfo.InvariantCulture;
    }
}

public sealed class SqliteClosedPeriodTests() : ClosedPeriodTests(TestDatabase.Sqlite);
public sealed class PostgresClosedPeriodTests() : ClosedPeriodTests(TestDatabase.Postgres);
