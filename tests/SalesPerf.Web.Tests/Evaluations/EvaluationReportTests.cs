using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>Evaluation reports generated from events seeded through the real API, read back from the PDF and the portal; run once on SQLite and once on PostgreSQL.</summary>
public abstract class EvaluationReportTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(database()).StartAsync();
        await _app.RenameAsync("rA", ChineseName);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private async Task<RepEvaluation> EvaluationAsync(string key, string language)
    {
        using var scope = _app.Services.CreateScope();
        var loader = scope.ServiceProvider.GetRequiredService<EvaluationLoader>();
        var team = await loader.TeamOfRepAsync(_app.UserIds[key], ReportPeriod.Month(2026, 3));
        return (await loader.EvaluateAsync(team!, ReportPeriod.Month(2026, 3), language)).Reps.Single(r => r.RepId == _app.UserIds[key]);
    }

    [Fact]
    public async Task The_rep_pdf_carries_the_chinese_name_each_dimension_score_and_each_deduction_of_the_ledger()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        var dealId = await SeedMarchAsync(_app, rep, manager);
        _app.Clock.Advance(TimeSpan.FromDays(5)); // 3 April: March is over

        var pdf = await rep.PdfAsync($"/api/reports/reps/{_app.UserIds["rA"]}.pdf?{March}&lang=zh-CN");
        var text = Text(pdf);
        var expected = await EvaluationAsync("rA", "zh-CN");

        Assert.Contains(ChineseName, text);
        Assert.InRange(PageCount(pdf), 2, 12);
        foreach (var d in expected.Dimensions)
        {
            Assert.Contains(Squash(d.Name), text);
            Assert.Contains(d.Score.ToString("0.0", CultureInfo.InvariantCulture), text);
        }
        Assert.Contains(expected.TotalScore.ToString("0.0", CultureInfo.InvariantCulture), text);
        // The on-time rate leaves out the stage the manager confirmed as customer-caused: 1 of 2.
        var onTime = expected.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Key == EvaluationModel.OnTimeRate);
        Assert.Equal(50m, onTime.Score);
        Assert.Contains(Squash("期间内通过的 2 个阶段中 1 个按期完成（经理确认的客户原因逾期 1 个不计入）"), text);

        // Each late stage: its reason and its deduction as the ledger has it (late line + re-classification adjustment).
        var ledger = await LedgerAsync(rep, dealId);
        var byStage = ledger.Where(l => l!["kind"]!.GetValue<string>() is "LateDeduction" or "AttributionAdjusted")
            .GroupBy(l => l!["stageKey"]!.GetValue<string>()).ToDictionary(g => g.Key, g => -g.Sum(l => l!["points"]!.GetValue<decimal>()));
        Assert.Equal(2, byStage.Count);
        Assert.Equal(0m, byStage["needs-analysis"]); // −x then +x after the re-classification
        Assert.True(byStage["solution-demo"] > 0);
        Assert.Equal(2, expected.Delays.Count);
        Assert.Equal(byStage["needs-analysis"], expected.Delays.Single(d => d.Reason == "客户未提供完整的用电数据").Deduction);
        Assert.Equal(byStage["solution-demo"], expected.Delays.Single(d => d.Reason == "Demo room not booked in time").Deduction);
        Assert.Contains(Squash("客户未提供完整的用电数据"), text);
        Assert.Contains(Squash("Demo room not booked in time"), text);
        Assert.Contains("-" + byStage["solution-demo"].ToString("0.0", CultureInfo.InvariantCulture), text);
        Assert.Contains("客户原因（经理改判）", text);
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await File.WriteAllBytesAsync(Path.Combine(artifacts.FullName, "rep-report-zh.pdf"), pdf);
    }

    [Fact]
    public async Task The_portal_shows_the_scores_with_how_they_were_computed_and_downloads_the_same_report()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        await SeedMarchAsync(_app, rep, manager);
        _app.Clock.Advance(TimeSpan.FromDays(5));
        var expected = await EvaluationAsync("rA", "zh-CN");

        // The portal speaks Chinese by default.
        var html = WebUtility.HtmlDecode(await rep.HtmlAsync("/Reports?kind=month&month=2026-03"));
        Assert.Contains(ChineseName, html);
        Assert.Contains($"<strong id=\"total-score\">{expected.TotalScore.ToString("0.0", CultureInfo.InvariantCulture)}</strong>", html);
        Assert.Contains("期间内通过的 2 个阶段中 1 个按期完成（经理确认的客户原因逾期 1 个不计入）= 50%", html);
        Assert.Contains("Demo room not booked in time", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "id=\"download\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal($"/api/reports/reps/{_app.UserIds["rA"]}.pdf?from=2026-03-01&to=2026-03-31&lang=zh-CN", link);
        Assert.Contains(ChineseName, Text(await rep.PdfAsync(link)));

        // The manager's team view ranks both reps and offers the team pack.
        var team = WebUtility.HtmlDecode(await manager.HtmlAsync("/Reports?kind=month&month=2026-03"));
        Assert.Contains("id=\"team-name\">North<", team);
        Assert.Contains(ChineseName, team);
        var packLink = System.Text.RegularExpressions.Regex.Match(team, "id=\"download\" href=\"([^\"]+)\"").Groups[1].Value;
        var pack = Text(await manager.PdfAsync(packLink));
        Assert.Contains(ChineseName, pack);
        Assert.Contains("rB", pack);
    }

    [Fact]
    public async Task A_manager_enters_ratings_training_and_a_comment_that_the_report_then_shows()
    {
        _app.Clock.Advance(TimeSpan.FromDays(5)); // 7 March
        var manager = await _app.SignInAsync("mN");
        manager.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = $"/Reports/Input?rep={_app.UserIds["rA"]}&month=2026-03";
        var bad = await manager.PostFormAsync(page, page + "&handler=Rating", [new("Kind", "customer-feedback"), new("Score", "7")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Give a score from 1 to 5 (halves allowed).", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "&handler=Rating", [new("Kind", "customer-feedback"), new("Score", "4")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "&handler=Training",
            [new("Course", "客户开发与拜访技巧"), new("Hours", "4"), new("TrainingDate", "2026-03-05")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "&handler=Comment", [new("Comment", "跟进节奏稳定，继续保持。")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "&handler=Comment", [new("Comment", "跟进节奏稳定，需加强新客户开发。")])).StatusCode);

        var e = await EvaluationAsync("rA", "en");
        Assert.Equal(80m, e.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Key == EvaluationModel.CustomerFeedback).Score);
        Assert.Contains("1 training session(s) in the period, 4 h in all", e.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Key == EvaluationModel.Training).HowComputed);
        Assert.Equal("跟进节奏稳定，需加强新客户开发。", Assert.Single(e.Comments).Text); // edited, not added twice
        // Another team's rep is not the manager's to rate; a rep cannot open the page at all.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/Reports/Input?rep={_app.UserIds["rC"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignInAsync("rA")).Http.GetAsync("/Reports/Input")).Effective());
    }

    [Fact]
    public async Task The_admin_sets_weights_that_must_add_up_and_the_report_uses_them()
    {
        var admin = await _app.SignInAsync("admin");
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var fields = EvaluationModel.DefaultWeights.Select(p => new KeyValuePair<string, string>("w:" + p.Key, p.Value.ToString(CultureInfo.InvariantCulture))).ToList();
        var wrong = fields.Select(f => f.Key == "w:result" ? new KeyValuePair<string, string>(f.Key, "20") : f).ToList();
        var refused = await admin.PostFormAsync("/Admin/Evaluation", "/Admin/Evaluation?handler=Weights", wrong);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The four dimension weights must add up to 100%; they add up to 90%.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var negative = fields.Select(f => f.Key == "w:process.followUps" ? new KeyValuePair<string, string>(f.Key, "-5") : f).ToList();
        Assert.Contains("A weight cannot be negative.", await (await admin.PostFormAsync("/Admin/Evaluation", "/Admin/Evaluation?handler=Weights", negative)).Content.ReadAsStringAsync());

        var good = fields.Select(f => f.Key switch { "w:result" => new KeyValuePair<string, string>(f.Key, "50"), "w:process" => new(f.Key, "20"), _ => f }).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Evaluation", "/Admin/Evaluation?handler=Weights", good)).StatusCode);
        Assert.Equal(50m, (await EvaluationAsync("rA", "en")).Dimensions.Single(d => d.Key == EvaluationModel.Result).Weight);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignInAsync("mN")).Http.GetAsync("/Admin/Evaluation")).Effective());
    }

    [Fact]
    public async Task Defaults_are_seeded_once_in_both_languages()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        Assert.Equal(EvaluationModel.DefaultWeights.Count, await db.EvaluationWeights.CountAsync());
        var suggestions = await db.TrainingSuggestions.ToListAsync();
        Assert.Equal(EvaluationSettingsStore.DefaultSuggestions.Count, suggestions.Count);
        Assert.All(suggestions, s => Assert.True(s.TitleZh.Length > 0 && s.TitleEn.Length > 0));
        await scope.ServiceProvider.GetRequiredService<EvaluationSettingsStore>().SeedDefaultsAsync();
        Assert.Equal(suggestions.Count, await db.TrainingSuggestions.CountAsync());
    }
}

public sealed class SqliteEvaluationReportTests() : EvaluationReportTests(TestDatabase.Sqlite);
public sealed class PostgresEvaluationReportTests() : EvaluationReportTests(TestDatabase.Postgres);
