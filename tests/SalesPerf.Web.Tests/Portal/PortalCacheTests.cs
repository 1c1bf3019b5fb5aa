using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Caching;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>
/// The busiest pages share their results for a few seconds (Caching/PortalCache): a change made on this node shows at
/// once, a change made on another node within <see cref="PortalCache.Lifetime"/>, and a team change narrows a manager's
/// access at once.
/// </summary>
public sealed class PortalCacheTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ApiClient _manager = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _manager = await _app.SignInAsync("mN");
        _manager.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private async Task<string> PageAsync(string path)
    {
        var response = await _manager.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_deal_started_on_this_node_shows_at_once_on_my_deals_the_team_board_and_the_dashboard()
    {
        var rep = await _app.SignInAsync("rA");
        await rep.CreateDealAsync("First substation");
        foreach (var path in new[] { "/", "/Team", "/Dashboard" }) await PageAsync(path); // now cached

        await rep.CreateDealAsync("Second substation");
        Assert.Contains("Second substation", await PageAsync("/"));
        Assert.Contains("My deals <span class=\"muted\">(2)</span>", await PageAsync("/"));
        Assert.Contains("<span class=\"num\">2 + 0</span>", await PageAsync("/Team")); // open deals by stage: 2 open, 0 waiting
        Assert.Contains("<td>First visit</td><td class=\"num\">2</td>", await PageAsync("/Dashboard")); // stage distribution: 2 open
    }

    [Fact]
    public async Task A_deal_started_on_another_node_shows_here_within_the_cache_lifetime()
    {
        Assert.DoesNotContain("Wind farm", await PageAsync("/"));
        await using var otherNode = await new TestApp(_app.Database, _app.Clock).StartAsync();
        await (await otherNode.SignInAsync("rA")).CreateDealAsync("Wind farm");

        _app.Clock.Advance(PortalCache.Lifetime);
        Assert.Contains("Wind farm", await PageAsync("/"));
    }

    [Fact]
    public async Task A_rep_moved_to_another_team_drops_out_of_the_old_managers_view_at_once()
    {
        var deal = await (await _app.SignInAsync("rA")).CreateDealAsync("Transformer bay");
        Assert.Contains("Transformer bay", await PageAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await _manager.GetAsync($"/api/deals/{deal}")).StatusCode);

        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
            var south = await db.Teams.SingleAsync(t => t.ManagerId == _app.UserIds["mS"]);
            var rA = await db.Users.SingleAsync(u => u.Id == _app.UserIds["rA"]);
            rA.TeamId = south.Id;
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain("Transformer bay", await PageAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await _manager.GetAsync($"/api/deals/{deal}")).StatusCode);
    }
}
