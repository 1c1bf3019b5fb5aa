using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>
/// One rep, one month, one total: the score page, the report page, the team board, the dashboard and the PDF show the
/// same number, and the score page explains each deduction with its rule and inputs. On SQLite and on PostgreSQL.
/// </summary>
public abstract class OneTotalTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await new TestApp(database()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private static string Total(string html) =>
        Regex.Match(html, "<strong id=\"total-score\">([^<]+)</strong>") is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no total on the page");

    private static string ComparisonScore(string html, string repId) =>
        Regex.Match(html, $"<tr data-rep=\"{Regex.Escape(repId)}\">.*?<td class=\"num score\">\\s*<a href=\"[^\"]+\">([^<]+)</a>", RegexOptions.Singleline) is { Success: true } m
            ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no score for the rep in the comparison table");

    [Fact]
    public async Task The_score_page_the_report_the_team_board_the_dashboard_and_the_pdf_show_the_same_total()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        foreach (var c in new[] { rep, manager }) c.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var dealId = await SeedMarchAsync(_app, rep, manager);  // ends on 29 March: the month is still running
        var repId = _app.UserIds["rA"];

        var score = WebUtility.HtmlDecode(await rep.HtmlAsync("/Score?month=2026-03"));
        var total = Total(score);
        Assert.Matches(@"^\d+\.\d$", total);
        Assert.Equal(total, Total(WebUtility.HtmlDecode(await rep.HtmlAsync("/Reports?kind=month&month=2026-03"))));
        Assert.Equal(total, ComparisonScore(WebUtility.HtmlDecode(await manager.HtmlAsync("/Team")), repId));
        Assert.Equal(total, ComparisonScore(WebUtility.HtmlDecode(await manager.HtmlAsync("/Dashboard")), repId));
        var pdf = Text(await rep.PdfAsync($"/api/reports/reps/{repId}.pdf?{March}&lang=en"));
        Assert.Contains(total, pdf);

        // The score page explains the demo's late deduction: its rule, due and submit times, and the event to look up.
        Assert.Contains("per late day: rep-caused 2, customer-caused 0, other 1, at most 10 per stage", score);
        Assert.Matches(@"due 2026-03-\d\d \d\d:\d\d, submitted 2026-03-\d\d \d\d:\d\d, approved 2026-03-\d\d \d\d:\d\d: \d+ day\(s\) late", score);
        Assert.Contains($"href=\"/Deals/{dealId}#e", score);
        Assert.Contains("The rules that apply to you", score);
        Assert.DoesNotContain("Points earned", score); // the ledger is no longer a second "score"
    }

    [Fact]
    public async Task A_rep_cannot_open_another_reps_score_page()
    {
        var rep = await _app.SignInAsync("rA");
        Assert.Equal(HttpStatusCode.NotFound, (await rep.Http.GetAsync($"/Score?rep={_app.UserIds["rB"]}")).StatusCode);
    }
}

public sealed class SqliteOneTotalTests() : OneTotalTests(TestDatabase.Sqlite);
public sealed class PostgresOneTotalTests() : OneTotalTests(TestDatabase.Postgres);
