using System.Net;
using MiniExcelLibs;
using SalesPerf.Web.Tests.Admin;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>
/// A deal's customer type is shown by the catalog's name in the viewer's language — deal page, My deals, team board,
/// approvals, exports, dashboard filter — and an admin's rename shows at once.
/// </summary>
public sealed class CustomerTypeNameTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _deal = "";

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        var rep = await _app.SignInEnAsync("rA");
        _deal = await rep.CreateDealAsync("Deal of A"); // customer type "grid"
        Assert.True((await rep.SubmitCurrentStageAsync(_deal)).IsSuccessStatusCode); // waits in the approvals inbox
        var admin = await _app.SignInEnAsync("admin");
        await admin.SubmitAsync("/Admin/CustomerTypes", "Update",
            new() { ["key"] = "grid", ["nameZh"] = "电网企业", ["nameEn"] = "Grid utility", ["sortOrder"] = "10" });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private async Task<ApiClient> SignInAsync(string user, string language)
    {
        var client = await _app.SignInAsync(user);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("en", "Grid utility")]
    [InlineData("zh-CN", "电网企业")]
    public async Task Pages_show_the_catalog_name_in_the_viewers_language_never_the_key(string language, string name)
    {
        var rep = await SignInAsync("rA", language);
        var manager = await SignInAsync("mN", language);
        _app.Clock.Advance(TimeSpan.FromDays(3)); // no activity for 3 days: the deal is on the team board's stalled list
        foreach (var (client, url) in new[] { (rep, $"/Deals/{_deal}"), (rep, "/"), (manager, "/Team?days=2"), (manager, "/Approvals") })
        {
            var html = await client.HtmlAsync(url);
            Assert.Contains($"State Grid Hebei · {name}", html);
            Assert.DoesNotContain("State Grid Hebei · grid", html);
        }
        var dashboard = await manager.HtmlAsync("/Dashboard");
        Assert.Contains($"value=\"grid\">{name}</option>", dashboard);
    }

    [Fact]
    public async Task Exports_name_the_customer_type_and_a_rename_shows_at_once()
    {
        var rep = await SignInAsync("rA", "en");
        var manager = await SignInAsync("mN", "en");
        Assert.Equal("Grid utility", (await SheetAsync(rep, "/?handler=Export&show=All")).Single()["Customer type"]);
        Assert.Equal("Grid utility", (await SheetAsync(manager, "/Approvals?handler=Export")).Single()["Customer type"]);

        var admin = await _app.SignInEnAsync("admin");
        await admin.SubmitAsync("/Admin/CustomerTypes", "Update",
            new() { ["key"] = "grid", ["nameZh"] = "电网", ["nameEn"] = "Power grid", ["sortOrder"] = "10" });
        Assert.Contains("State Grid Hebei · Power grid", await rep.HtmlAsync($"/Deals/{_deal}"));
    }

    private static async Task<List<IDictionary<string, object>>> SheetAsync(ApiClient client, string url)
    {
        var r = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }
}
