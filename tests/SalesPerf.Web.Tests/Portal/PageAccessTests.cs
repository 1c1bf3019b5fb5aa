using System.Net;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>
/// Role × page × owner: every portal page and handler enforces the access rules. A deal the caller may not see is 404
/// (nothing is revealed); a page their role may not use is 403; anonymous callers go to the login page.
/// Team North: manager mN, reps rA (owner of the deal) and rB. Team South: manager mS, rep rC.
/// </summary>
public sealed class PageAccessTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _deal = "";

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _deal = await (await _app.SignInAsync("rA")).CreateDealAsync("Deal of rep A");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    public static TheoryData<string, string, HttpStatusCode> Table => new()
    {
        // page, user, expected
        { "/", "rA", HttpStatusCode.OK }, { "/", "mN", HttpStatusCode.OK }, { "/", "admin", HttpStatusCode.OK }, { "/", "", HttpStatusCode.Unauthorized },
        { "/Deals/{deal}", "rA", HttpStatusCode.OK }, { "/Deals/{deal}", "rB", HttpStatusCode.NotFound }, { "/Deals/{deal}", "rC", HttpStatusCode.NotFound },
        { "/Deals/{deal}", "mN", HttpStatusCode.OK }, { "/Deals/{deal}", "mS", HttpStatusCode.NotFound }, { "/Deals/{deal}", "admin", HttpStatusCode.OK },
        { "/Deals/{deal}", "", HttpStatusCode.Unauthorized },
        { "/Deals/{deal}/Submit", "rA", HttpStatusCode.OK }, { "/Deals/{deal}/Submit", "rB", HttpStatusCode.NotFound },
        { "/Deals/{deal}/Submit", "mN", HttpStatusCode.Forbidden }, { "/Deals/{deal}/Submit", "mS", HttpStatusCode.NotFound },
        { "/Deals/{deal}/Submit", "admin", HttpStatusCode.Forbidden }, { "/Deals/{deal}/Submit", "", HttpStatusCode.Unauthorized },
        { "/Deals/New", "rA", HttpStatusCode.OK }, { "/Deals/New", "mN", HttpStatusCode.OK }, { "/Deals/New", "admin", HttpStatusCode.OK },
        { "/Deals/New", "", HttpStatusCode.Unauthorized },
        { "/Approvals", "rA", HttpStatusCode.Forbidden }, { "/Approvals", "mN", HttpStatusCode.OK }, { "/Approvals", "mS", HttpStatusCode.OK },
        { "/Approvals", "admin", HttpStatusCode.OK }, { "/Approvals", "", HttpStatusCode.Unauthorized },
        { "/Team", "rA", HttpStatusCode.Forbidden }, { "/Team", "mN", HttpStatusCode.OK }, { "/Team", "admin", HttpStatusCode.OK },
        { "/Team", "", HttpStatusCode.Unauthorized },
        { "/Score", "rA", HttpStatusCode.OK }, { "/Score?rep={rA}", "rA", HttpStatusCode.OK }, { "/Score?rep={rA}", "rB", HttpStatusCode.NotFound },
        { "/Score?rep={rA}", "mN", HttpStatusCode.OK }, { "/Score?rep={rA}", "mS", HttpStatusCode.NotFound }, { "/Score?rep={rA}", "admin", HttpStatusCode.OK },
        { "/Score", "", HttpStatusCode.Unauthorized },
        { "/templates/deliverables/needs-analysis-report.xlsx", "rA", HttpStatusCode.OK },
        { "/templates/deliverables/..%2Fappsettings.json", "rA", HttpStatusCode.NotFound },
        { "/templates/deliverables/needs-analysis-report.xlsx", "", HttpStatusCode.Unauthorized },
        // Admin pages (users and teams, calendar, customer types, import) and their exports: admins only.
        { "/Admin", "rA", HttpStatusCode.Forbidden }, { "/Admin", "mN", HttpStatusCode.Forbidden }, { "/Admin", "admin", HttpStatusCode.OK }, { "/Admin", "", HttpStatusCode.Unauthorized },
        { "/Admin/Users", "rA", HttpStatusCode.Forbidden }, { "/Admin/Users", "mN", HttpStatusCode.Forbidden }, { "/Admin/Users", "admin", HttpStatusCode.OK },
        { "/Admin/Users", "", HttpStatusCode.Unauthorized }, { "/Admin/Users?handler=Export", "mN", HttpStatusCode.Forbidden },
        { "/Admin/Users?handler=Export", "admin", HttpStatusCode.OK },
        { "/Admin/Users/Edit?id={rA}", "rA", HttpStatusCode.Forbidden }, { "/Admin/Users/Edit?id={rA}", "mN", HttpStatusCode.Forbidden },
        { "/Admin/Users/Edit?id={rA}", "admin", HttpStatusCode.OK }, { "/Admin/Users/Edit?id=nobody", "admin", HttpStatusCode.NotFound },
        { "/Admin/Users/Teams", "rA", HttpStatusCode.Forbidden }, { "/Admin/Users/Teams", "mN", HttpStatusCode.Forbidden }, { "/Admin/Users/Teams", "admin", HttpStatusCode.OK },
        { "/Admin/Calendar", "rA", HttpStatusCode.Forbidden }, { "/Admin/Calendar", "mN", HttpStatusCode.Forbidden }, { "/Admin/Calendar", "admin", HttpStatusCode.OK },
        { "/Admin/Calendar", "", HttpStatusCode.Unauthorized },
        { "/Admin/CustomerTypes", "rA", HttpStatusCode.Forbidden }, { "/Admin/CustomerTypes", "mN", HttpStatusCode.Forbidden }, { "/Admin/CustomerTypes", "admin", HttpStatusCode.OK },
        { "/Admin/Import", "rA", HttpStatusCode.Forbidden }, { "/Admin/Import", "mN", HttpStatusCode.Forbidden }, { "/Admin/Import", "admin", HttpStatusCode.OK },
        { "/Admin/Import", "", HttpStatusCode.Unauthorized }, { "/Admin/Import?handler=Template&kind=Deals", "mN", HttpStatusCode.Forbidden },
        { "/?handler=Export", "rA", HttpStatusCode.OK }, { "/?handler=Export", "", HttpStatusCode.Unauthorized },
        { "/Team?handler=Export", "rA", HttpStatusCode.Forbidden }, { "/Team?handler=Export", "mN", HttpStatusCode.OK },
        { "/Approvals?handler=Export", "rA", HttpStatusCode.Forbidden }, { "/Approvals?handler=Export", "mN", HttpStatusCode.OK },
        { "/Score?handler=Export&rep={rA}", "rB", HttpStatusCode.NotFound }, { "/Score?handler=Export&rep={rA}", "mN", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Who_can_open_which_page(string page, string user, HttpStatusCode expected)
    {
        var client = user.Length == 0 ? _app.Anonymous() : await _app.SignInAsync(user);
        var response = await client.Http.GetAsync(page.Replace("{deal}", _deal).Replace("{rA}", _app.UserIds["rA"]));
        Assert.Equal(expected, response.Effective());
    }

    [Theory]
    [InlineData("rB", HttpStatusCode.NotFound)]
    [InlineData("rC", HttpStatusCode.NotFound)]
    [InlineData("mS", HttpStatusCode.NotFound)]
    public async Task Outsiders_cannot_post_to_a_deal_page(string user, HttpStatusCode expected)
    {
        var client = await _app.SignInAsync(user);
        var fields = new Dictionary<string, string> { ["FollowUp.Content"] = "Sneaky follow-up text" };
        var followUp = await client.PostFormAsync("/", $"/Deals/{_deal}?handler=FollowUp", fields);
        var status = await client.PostFormAsync("/", $"/Deals/{_deal}?handler=Status", new Dictionary<string, string> { ["action"] = "lose", ["reason"] = "closing it" });
        Assert.Equal(expected, followUp.Effective());
        Assert.Equal(expected, status.Effective());
        var events = await (await _app.SignInAsync("rA")).GetJsonAsync($"/api/deals/{_deal}/events");
        Assert.Equal(2, events.AsArray().Count);
    }

    [Theory]
    [InlineData("rA", HttpStatusCode.Forbidden)] // reps have no approvals inbox, not even for their own deal
    [InlineData("mS", HttpStatusCode.NotFound)]  // another team's manager does not learn the deal exists
    public async Task Only_the_reps_manager_decides_from_the_inbox(string user, HttpStatusCode expected)
    {
        var rep = await _app.SignInAsync("rA");
        Assert.True((await rep.SubmitCurrentStageAsync(_deal)).IsSuccessStatusCode);
        var client = await _app.SignInAsync(user);
        var r = await client.PostFormAsync("/", "/Approvals?handler=Decide",
            new Dictionary<string, string> { ["dealId"] = _deal, ["submissionNo"] = "1", ["decision"] = "approve" });
        Assert.Equal(expected, r.Effective());
        var deal = await rep.GetJsonAsync($"/api/deals/{_deal}");
        Assert.Equal("submitted", deal["current"]!["status"].Str());
    }

    [Fact]
    public async Task Every_form_needs_the_antiforgery_token()
    {
        var rep = await _app.SignInAsync("rA");
        var r = await rep.PostFormAsync("/", $"/Deals/{_deal}?handler=FollowUp",
            new Dictionary<string, string> { ["FollowUp.Content"] = "Without a token" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var manager = await _app.SignInAsync("mN");
        var decide = await manager.PostFormAsync("/", "/Approvals?handler=Decide",
            new Dictionary<string, string> { ["dealId"] = _deal, ["submissionNo"] = "1", ["decision"] = "approve" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, decide.StatusCode);
    }
}
