using System.Net;
using MiniExcelLibs;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>"Export to Excel" gives a real .xlsx with the rows the page would show the caller, and no others.</summary>
public sealed class ExportTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        await (await _app.SignInEnAsync("rA")).CreateDealAsync("Deal of A");
        await (await _app.SignInEnAsync("rB")).CreateDealAsync("Deal of B");
        await (await _app.SignInEnAsync("rC")).CreateDealAsync("Deal of C");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private static async Task<List<IDictionary<string, object>>> SheetAsync(ApiClient client, string url)
    {
        var r = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", r.Content.Headers.ContentDisposition!.FileNameStar ?? r.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Theory]
    [InlineData("rA", new[] { "Deal of A" })]
    [InlineData("mN", new[] { "Deal of A", "Deal of B" })]
    [InlineData("mS", new[] { "Deal of C" })]
    [InlineData("admin", new[] { "Deal of A", "Deal of B", "Deal of C" })]
    public async Task My_deals_export_has_exactly_the_deals_the_caller_may_see(string user, string[] expected)
    {
        var rows = await SheetAsync(await _app.SignInEnAsync(user), "/?handler=Export&show=All");
        Assert.Equal(expected, rows.Select(r => (string)r["Deal"]).Order().ToArray());
        var a = rows.FirstOrDefault(r => (string)r["Deal"] == "Deal of A");
        if (a is not null)
        {
            Assert.Equal("State Grid Hebei", a["Customer"]);
            Assert.Equal("rA", a["Rep"]);
            Assert.Equal(1_200_000d, Convert.ToDouble(a["Estimated value"]));
            Assert.Equal("First visit", a["Stage"]);
        }
    }

    [Fact]
    public async Task Approvals_score_users_and_admin_lists_export_and_keep_their_access_rules()
    {
        var rep = await _app.SignInEnAsync("rA");
        var deal = (await rep.GetJsonAsync("/api/deals"))["items"]![0]!["id"].Str();
        Assert.True((await rep.SubmitCurrentStageAsync(deal)).IsSuccessStatusCode);
        var manager = await _app.SignInEnAsync("mN");
        var approvals = await SheetAsync(manager, "/Approvals?handler=Export");
        Assert.Equal("Deal of A", Assert.Single(approvals)["Deal"]);
        Assert.Empty(await SheetAsync(await _app.SignInEnAsync("mS"), "/Approvals?handler=Export"));
        (await manager.PostAsync($"/api/deals/{deal}/submissions/1/approve", new { })).EnsureSuccessStatusCode();

        var score = await SheetAsync(rep, "/Score?handler=Export");
        Assert.Contains(score, line => (string)line["Deal"] == "Deal of A" && Convert.ToDouble(line["Points"]) > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInEnAsync("rB")).Http.GetAsync($"/Score?handler=Export&rep={_app.UserIds["rA"]}")).StatusCode);

        var admin = await _app.SignInEnAsync("admin");
        var users = await SheetAsync(admin, "/Admin/Users?handler=Export");
        Assert.Equal(6, users.Count);
        Assert.Contains(users, u => (string)u["Email"] == "rC@test.local" && (string)u["Team"] == "South" && (string)u["Role"] == "Sales rep");
        Assert.Equal(2, (await SheetAsync(admin, "/Admin/Users/Teams?handler=Export")).Count);
        Assert.Equal(3, (await SheetAsync(admin, "/Admin/CustomerTypes?handler=Export")).Count);
        Assert.Contains(await SheetAsync(admin, "/Admin/Calendar?year=2026&handler=Export"), d => (string)d["Date"] == "2026-10-01");
        _app.Clock.Advance(TimeSpan.FromDays(8)); // B's first visit is now overdue and stalled; C's too, but C is South's
        var board = await SheetAsync(manager, "/Team?handler=Export&days=7");
        Assert.Contains(board, r => (string)r["Deal"] == "Deal of B" && ((string)r["List"]).Contains("Overdue"));
        Assert.Equal("Overdue · Stalled deals", (string)Assert.Single(board, r => (string)r["Deal"] == "Deal of B")["List"]); // in both lists, one row
        Assert.DoesNotContain(board, r => (string)r["Deal"] == "Deal of C");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Http.GetAsync("/Admin/Users?handler=Export")).Effective());
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Http.GetAsync("/Team?handler=Export")).Effective());
    }
}
