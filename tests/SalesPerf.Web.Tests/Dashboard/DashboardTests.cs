using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's figures against values computed by hand for a small company, its access rules (query-string
/// teams and reps outside the viewer's access are 404) and its filters.
/// Team North (manager mN): rA's grid deal, approved after one day, then three follow-ups (gaps 2 and 5 days);
/// rB's industrial deal, sent back once, then approved after one day. Team South (manager mS): rC's grid deal, untouched.
/// </summary>
public sealed partial class DashboardTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        var start = TestApp.Start;
        var rA = await _app.SignInAsync("rA");
        var rB = await _app.SignInAsync("rB");
        var rC = await _app.SignInAsync("rC");
        var mN = await _app.SignInAsync("mN");
        var a = await rA.CreateDealAsync("Grid upgrade A");
        var b = (await rB.PostJsonAsync("/api/deals", new { title = "Plant retrofit B", customer = "Baosteel", customerType = "industrial", estimatedValue = 800_000 }))["summary"]!["id"].Str();
        await rC.CreateDealAsync("Grid upgrade C");
        _app.Clock.Advance(TimeSpan.FromDays(1));

        (await rA.SubmitCurrentStageAsync(a)).EnsureSuccessStatusCode();
        await mN.PostJsonAsync($"/api/deals/{a}/submissions/{(await rA.GetJsonAsync($"/api/deals/{a}")).PendingSubmission()}/approve", new { });
        (await rB.SubmitCurrentStageAsync(b)).EnsureSuccessStatusCode();
        await mN.PostJsonAsync($"/api/deals/{b}/submissions/{(await rB.GetJsonAsync($"/api/deals/{b}")).PendingSubmission()}/send-back", new { comment = "Add the site data" });
        (await rB.SubmitCurrentStageAsync(b)).EnsureSuccessStatusCode();
        await mN.PostJsonAsync($"/api/deals/{b}/submissions/{(await rB.GetJsonAsync($"/api/deals/{b}")).PendingSubmission()}/approve", new { });

        _app.Clock.Advance(TimeSpan.FromDays(6)); // Monday 2026-03-09, 09:00 in Shanghai
        foreach (var visited in new[] { start, start.AddDays(2), start.AddDays(7) })
            await rA.PostJsonAsync($"/api/deals/{a}/follow-ups", new { visitedAt = visited, content = "Call about the load data" });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task Manager_sees_the_team_figures_as_computed_by_hand()
    {
        var page = await PageAsync("mN", "/Dashboard");

        // Stage distribution: both North deals wait in the needs analysis; rC's South deal is not counted.
        Assert.Equal(["Needs-analysis report"], Chart(page, "chart-stages").Labels);
        Assert.Equal([2.0], Chart(page, "chart-stages").Data(0));
        Assert.Equal([0.0], Chart(page, "chart-stages").Data(1));

        // Funnel of deals started in the period: both got as far as the needs analysis (past the site survey position,
        // a stage only the power-service flow has), none further.
        var funnel = Chart(page, "chart-funnel");
        var needs = funnel.Labels.IndexOf("Needs-analysis report");
        Assert.Equal("First visit", funnel.Labels[0]);
        Assert.All(funnel.Data(0).Take(needs + 1), v => Assert.Equal(2.0, v));
        Assert.All(funnel.Data(0).Skip(needs + 1), v => Assert.Equal(0.0, v));
        Assert.Equal("Won deals", funnel.Labels[^1]);

        // Six months: one March point, the median of the gaps 2 and 5 days.
        var cycle = Chart(page, "chart-cycle");
        Assert.Equal("2026-03", cycle.Labels[^1]);
        Assert.Equal(3.5, cycle.Data(0)[^1]);

        // Per rep: follow-ups, on-time approvals, revisions, cycle time; the team average under them.
        Assert.Equal(["rA", "3", "100% (1/1)", "0", "1"], Row(page, _app.UserIds["rA"]).Where((_, i) => i != 2).Take(5)); // the last column, the month's total, is checked against the score page in OneTotalTests
        Assert.Equal(["rB", "0", "100% (1/1)", "1", "1"], Row(page, _app.UserIds["rB"]).Where((_, i) => i != 2).Take(5));
        var average = AverageRow(page);
        Assert.Equal("1.5", average[1]);
        Assert.Equal("100%", average[3]);
        Assert.Equal("0.5", average[4]);
        Assert.DoesNotContain(_app.UserIds["rC"], page);
        Assert.DoesNotContain("Grid upgrade C", page);
    }

    [Fact]
    public async Task A_short_period_shows_the_follow_up_cycle_by_week()
    {
        var cycle = Chart(await PageAsync("mN", "/Dashboard?months=1"), "chart-cycle");
        Assert.Equal(["03-02", "03-09"], cycle.Labels.TakeLast(2));
        Assert.Equal([2.0, 5.0], cycle.Data(0).TakeLast(2).Select(v => v!.Value));
    }

    [Fact]
    public async Task Filters_narrow_every_figure()
    {
        var industrial = await PageAsync("mN", "/Dashboard?type=industrial");
        Assert.Equal([1.0], Chart(industrial, "chart-stages").Data(0));
        Assert.Equal("0", Row(industrial, _app.UserIds["rA"])[1]);
        Assert.Equal("1", Row(industrial, _app.UserIds["rB"])[4]);

        // The follow-ups were logged during the needs analysis, not the first visit.
        var firstVisit = await PageAsync("mN", "/Dashboard?stage=first-visit");
        Assert.Empty(Chart(firstVisit, "chart-stages").Labels);
        Assert.Equal("0", Row(firstVisit, _app.UserIds["rA"])[1]);
        Assert.Equal("100% (1/1)", Row(firstVisit, _app.UserIds["rA"])[3]);
        var needs = await PageAsync("mN", "/Dashboard?stage=needs-analysis");
        Assert.Equal("3", Row(needs, _app.UserIds["rA"])[1]);
        Assert.Equal("—", Row(needs, _app.UserIds["rA"])[3]);

        var onlyB = await PageAsync("mN", $"/Dashboard?rep={_app.UserIds["rB"]}");
        Assert.Equal([1.0], Chart(onlyB, "chart-stages").Data(0));
        Assert.DoesNotContain($"data-rep=\"{_app.UserIds["rA"]}\"", onlyB);
        Assert.Equal("0.5", AverageRow(onlyB)[4]); // still the whole team's average
    }

    [Fact]
    public async Task Admin_sees_every_team_and_can_pick_one()
    {
        var all = await PageAsync("admin", "/Dashboard");
        Assert.Equal(["First visit", "Needs-analysis report"], Chart(all, "chart-stages").Labels);
        Assert.Contains($"data-rep=\"{_app.UserIds["rC"]}\"", all);

        var south = await PageAsync("admin", $"/Dashboard?team={await TeamIdAsync("South")}");
        Assert.Equal([1.0], Chart(south, "chart-stages").Data(0));
        Assert.Contains($"data-rep=\"{_app.UserIds["rC"]}\"", south);
        Assert.DoesNotContain($"data-rep=\"{_app.UserIds["rA"]}\"", south);
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_figures_without_the_team_average()
    {
        var page = await PageAsync("rA", "/Dashboard");
        Assert.Equal("3", Row(page, _app.UserIds["rA"])[1]);
        Assert.DoesNotContain($"data-rep=\"{_app.UserIds["rB"]}\"", page);
        Assert.DoesNotContain("class=\"avg\"", page);
        Assert.Equal([1.0], Chart(page, "chart-stages").Data(0));
    }

    [Fact]
    public async Task The_team_board_compares_each_rep_with_the_team_average()
    {
        var page = await PageAsync("mN", "/Team");
        Assert.Contains("Rep comparison against the team average", page);
        Assert.Equal(["rA", "3", "100% (1/1)", "0", "1"], Row(page, _app.UserIds["rA"]).Where((_, i) => i != 2).Take(5)); // the last column, the month's total, is checked against the score page in OneTotalTests
        Assert.Equal("1", Row(page, _app.UserIds["rB"])[4]);
        Assert.Equal("0.5", AverageRow(page)[4]);
        Assert.DoesNotContain($"data-rep=\"{_app.UserIds["rC"]}\"", page);
    }

    public static TheoryData<string, string> OutsideAccess => new()
    {
        { "rA", "rep={rB}" }, { "rA", "rep={rC}" }, { "rA", "team={North}" }, { "rA", "team={South}" },
        { "mN", "team={South}" }, { "mN", "rep={rC}" }, { "mS", "rep={rA}" }, { "mN", "team=not-a-guid" },
        { "mN", "team={South}&rep={rA}" }, { "admin", "rep={mN}" },
    };

    [Theory]
    [MemberData(nameof(OutsideAccess))]
    public async Task A_team_or_rep_outside_the_viewers_access_is_not_found(string user, string query)
    {
        query = query.Replace("{North}", await TeamIdAsync("North")).Replace("{South}", await TeamIdAsync("South"));
        foreach (var (key, id) in _app.UserIds) query = query.Replace($"{{{key}}}", id);
        var client = await _app.SignInAsync(user);
        var response = await client.GetAsync("/Dashboard?" + query);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("mN", "team={North}")]
    [InlineData("mS", "rep={rC}")]
    [InlineData("rA", "rep={rA}")]
    [InlineData("", "")]
    public async Task Within_access_the_filter_is_allowed_and_anonymous_goes_to_sign_in(string user, string query)
    {
        query = query.Replace("{North}", await TeamIdAsync("North"));
        foreach (var (key, id) in _app.UserIds) query = query.Replace($"{{{key}}}", id);
        var client = user == "" ? _app.Anonymous() : await _app.SignInAsync(user);
        var response = await client.GetAsync("/Dashboard?" + query);
        Assert.Equal(user == "" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, response.Effective());
    }

    private async Task<string> PageAsync(string user, string url)
    {
        var client = await _app.SignInAsync(user);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return await client.HtmlAsync(url);
    }

    private async Task<string> TeamIdAsync(string name)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerf.Web.Persistence.SalesPerfDbContext>();
        return (await db.Teams.SingleAsync(t => t.Name == name)).Id.ToString();
    }

    private sealed record ChartView(List<string> Labels, List<List<double?>> Sets)
    {
        public List<double?> Data(int i) => Sets[i];
    }

    private static ChartView Chart(string html, string id)
    {
        var json = ChartData().Match(html).Groups[1].Value;
        var chart = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        return new ChartView(chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList(),
            chart.GetProperty("datasets").EnumerateArray()
                .Select(d => d.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList()).ToList());
    }

    private static List<string> Row(string html, string repId) => Cells(new Regex($"<tr data-rep=\"{repId}\">(.*?)</tr>", RegexOptions.Singleline).Match(html).Groups[1].Value);

    private static List<string> AverageRow(string html) => Cells(AverageRowPattern().Match(html).Groups[1].Value);

    private static List<string> Cells(string row) =>
        CellPattern().Matches(row).Select(m => Regex.Replace(WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, " ")), "\\s+", " ").Trim()).ToList();

    [GeneratedRegex("<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ChartData();

    [GeneratedRegex("<tr class=\"avg\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex AverageRowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
