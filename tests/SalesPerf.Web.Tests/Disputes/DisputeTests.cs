using System.Net;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Disputes;

/// <summary>
/// A rep questions a deduction on their score page; the manager answers with a correction that becomes a ledger line and
/// changes the total; HR sees the open ones; nobody else sees or answers them. On SQLite and PostgreSQL.
/// </summary>
public abstract class DisputeTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;
    private const string Score = "/Score?month=2026-03";

    public async Task InitializeAsync() => _app = await new TestApp(database()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private async Task<ApiClient> EnglishAsync(string key)
    {
        var client = await _app.SignInAsync(key);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    /// <summary>The demo stage's deduction line: deal and event from the score page's own dispute form.</summary>
    private static (string Key, string DealId, string Sequence) DemoDeduction(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "name=\"key\" value=\"(deal:([0-9a-f-]+):([0-9]+))\" />\\s*<input type=\"hidden\" name=\"text\" value=\"[^\"]*Solution demo");
        Assert.True(m.Success, "the demo deduction has a dispute form");
        return (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
    }

    [Fact]
    public async Task A_rep_questions_a_deduction_the_manager_answers_with_a_correction_and_the_total_follows()
    {
        var rep = await EnglishAsync("rA");
        var manager = await EnglishAsync("mN");
        await SeedMarchAsync(_app, rep, manager);
        var before = WebUtility.HtmlDecode(await rep.HtmlAsync(Score));
        var (key, dealId, sequence) = DemoDeduction(before);

        var asked = await rep.PostFormAsync(Score, "/Score?handler=Dispute&month=2026-03",
            [F("kind", "deduction"), F("key", key), F("text", "Solution demo −4"), F("dealId", dealId), F("eventSequence", sequence),
             F("question", "The demo room is booked by facilities, not by me.")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var again = await rep.PostFormAsync(Score, "/Score?handler=Dispute&month=2026-03",
            [F("kind", "deduction"), F("key", key), F("text", "Solution demo −4"), F("question", "Asking a second time, just in case.")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("You already questioned this line; wait for the answer.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        // Who sees it: the manager and HR in their list; the other rep of the team does not.
        var hr = await EnglishAsync(await HrAsync());
        Assert.Contains("The demo room is booked by facilities, not by me.", WebUtility.HtmlDecode(await manager.HtmlAsync("/Disputes")));
        Assert.Contains("The demo room is booked by facilities, not by me.", WebUtility.HtmlDecode(await hr.HtmlAsync("/Disputes")));
        var other = await EnglishAsync("rB");
        Assert.DoesNotContain("The demo room is booked", WebUtility.HtmlDecode(await other.HtmlAsync(Score)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Score?rep={_app.UserIds["rA"]}&month=2026-03")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/Disputes")).Effective());

        var page = $"/Score?rep={_app.UserIds["rA"]}&month=2026-03";
        var id = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await manager.HtmlAsync(page)), "name=\"id\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        // The rep cannot answer their own question, even with a forged post.
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostFormAsync(Score, "/Score?handler=Answer&month=2026-03",
            [F("id", id), F("answer", "I agree with myself entirely."), F("dealId", dealId), F("points", "20")])).Effective());

        var deductionsBefore = Indicator(before);
        var answered = await manager.PostFormAsync(page, $"{page}&handler=Answer",
            [F("id", id), F("answer", "Checked with facilities: they had the room. Points back."), F("dealId", dealId), F("points", "4")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var twice = await manager.PostFormAsync(page, $"{page}&handler=Answer", [F("id", id), F("answer", "Answering once more by mistake.")]);
        Assert.Contains("This dispute has already been answered.", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));

        var after = WebUtility.HtmlDecode(await rep.HtmlAsync(Score));
        Assert.Contains("Checked with facilities: they had the room. Points back.", after);
        Assert.Contains("+4 · 配电网改造 Grid upgrade", after);
        Assert.Contains("reason: “Checked with facilities: they had the room. Points back.”", after);
        Assert.True(Indicator(after) > deductionsBefore, $"process deductions {deductionsBefore} → {Indicator(after)}");
        var ledger = await LedgerAsync(rep, dealId);
        Assert.Contains(ledger, l => l!["kind"]!.GetValue<string>() == "ManualAdjustment" && l["points"]!.GetValue<decimal>() == 4);

        _app.Clock.Advance(TimeSpan.FromDays(5)); // April: the March report lists the settled question
        var pdf = Text(await rep.PdfAsync($"/api/reports/reps/{_app.UserIds["rA"]}.pdf?{March}&lang=en"));
        Assert.Contains(Squash("The demo room is booked by facilities, not by me."), pdf);
        Assert.Contains(Squash("Checked with facilities: they had the room. Points back."), pdf);
    }

    private static decimal Indicator(string html) =>
        decimal.Parse(System.Text.RegularExpressions.Regex.Match(html, "id=\"ind-process.deductions\".*?<span class=\"iscore\">([0-9.]+)</span>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> HrAsync()
    {
        if (!_app.UserIds.ContainsKey("hr")) await _app.AddUserAsync("hr", Roles.Hr);
        return "hr";
    }
}

public sealed class SqliteDisputeTests() : DisputeTests(TestDatabase.Sqlite);
public sealed class PostgresDisputeTests() : DisputeTests(TestDatabase.Postgres);
