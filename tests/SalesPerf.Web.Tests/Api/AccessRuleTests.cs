using System.Net;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Api;

/// <summary>
/// Reps see their own deals, managers their team's, admins all — enforced by the API, not hidden in a UI.
/// Team North: manager mN, reps rA and rB. Team South: manager mS, rep rC.
/// </summary>
public sealed class AccessRuleTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _dealOfA = "";

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _dealOfA = await (await _app.SignInAsync("rA")).CreateDealAsync("Deal of rep A");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Theory]
    [InlineData("rA", HttpStatusCode.OK)]
    [InlineData("rB", HttpStatusCode.NotFound)]
    [InlineData("rC", HttpStatusCode.NotFound)]
    [InlineData("mN", HttpStatusCode.OK)]
    [InlineData("mS", HttpStatusCode.NotFound)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Who_can_read_a_deal(string user, HttpStatusCode expected)
    {
        var client = await _app.SignInAsync(user);
        foreach (var path in new[] { "", "/events", "/score" })
            Assert.Equal(expected, (await client.GetAsync($"/api/deals/{_dealOfA}{path}")).StatusCode);
    }

    [Theory]
    [InlineData("rB")]
    [InlineData("rC")]
    [InlineData("mS")]
    public async Task Outsiders_cannot_act_on_a_deal_and_learn_nothing_about_it(string user)
    {
        var client = await _app.SignInAsync(user);
        var attempts = new[]
        {
            await client.PostAsync($"/api/deals/{_dealOfA}/follow-ups", new { content = "Sneaky follow-up" }),
            await client.PostAsync($"/api/deals/{_dealOfA}/lose", new { reason = "Closing someone else's deal" }),
            await client.PostAsync($"/api/deals/{_dealOfA}/submissions/1/approve", new { }),
            await client.UploadAsync(_dealOfA, "report", "x.pdf", StageFiller.SampleFile("pdf")),
        };
        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var events = await (await _app.SignInAsync("rA")).GetJsonAsync($"/api/deals/{_dealOfA}/events");
        Assert.Equal(2, events.AsArray().Count); // created, first stage started: nothing else was written
    }

    [Fact]
    public async Task Lists_contain_only_what_the_caller_may_see()
    {
        var dealOfC = await (await _app.SignInAsync("rC")).CreateDealAsync("Deal of rep C");
        async Task<List<string>> Titles(string user) =>
            (await (await _app.SignInAsync(user)).GetJsonAsync("/api/deals?pageSize=200"))["items"]!.AsArray().Select(i => i!["title"].Str()).ToList();

        Assert.Equal(["Deal of rep A"], await Titles("rA"));
        Assert.Empty(await Titles("rB"));
        Assert.Equal(["Deal of rep A"], await Titles("mN"));
        Assert.Equal(["Deal of rep C"], await Titles("mS"));
        Assert.Equal(2, (await Titles("admin")).Count);
        Assert.NotEmpty(dealOfC);
    }

    [Fact]
    public async Task A_rep_cannot_approve_their_own_submission_but_their_manager_can()
    {
        var rep = await _app.SignInAsync("rA");
        var submitted = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(_dealOfA), expectSuccess: true);
        var no = submitted.PendingSubmission();

        var own = await rep.PostAsync($"/api/deals/{_dealOfA}/submissions/{no}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("notApprover", (await ApiClient.ReadAsync(own))["code"].Str());
        var byOtherRep = await (await _app.SignInAsync("rB")).PostAsync($"/api/deals/{_dealOfA}/submissions/{no}/approve", new { });
        Assert.Equal(HttpStatusCode.NotFound, byOtherRep.StatusCode);
        var byManager = await (await _app.SignInAsync("mN")).PostAsync($"/api/deals/{_dealOfA}/submissions/{no}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
    }

    [Fact]
    public async Task Managers_create_deals_only_for_their_own_reps()
    {
        var south = await _app.SignInAsync("mS");
        var forNorthRep = await south.PostAsync("/api/deals", new { title = "Poaching", customer = "X Corp", customerType = "industrial", repId = _app.UserIds["rA"] });
        Assert.Equal(HttpStatusCode.Forbidden, forNorthRep.StatusCode);
        var forOwnRep = await south.PostAsync("/api/deals", new { title = "Assigned", customer = "Y Corp", customerType = "industrial", repId = _app.UserIds["rC"] });
        Assert.Equal(HttpStatusCode.Created, forOwnRep.StatusCode);
        Assert.Equal(_app.UserIds["rC"], (await ApiClient.ReadAsync(forOwnRep))["summary"]!["repId"].Str());
    }

    [Fact]
    public async Task Uploaded_files_download_only_for_people_who_may_see_the_deal()
    {
        var rep = await _app.SignInAsync("rA");
        var submitted = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(_dealOfA), expectSuccess: true);
        await (await _app.SignInAsync("mN")).PostJsonAsync($"/api/deals/{_dealOfA}/submissions/{submitted.PendingSubmission()}/approve", new { });
        var upload = await ApiClient.ReadAsync(await rep.UploadAsync(_dealOfA, "report", "需求分析.xlsx", StageFiller.SampleFile("xlsx")), expectSuccess: true);
        var url = $"/api/deals/{_dealOfA}/files/{upload["id"].Str()}";

        var own = await rep.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(StageFiller.SampleFile("xlsx").Length, (await own.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("mN")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("rB")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("mS")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401_not_a_login_page()
    {
        var anonymous = _app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/deals/{_dealOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/deals", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/flows")).StatusCode);
    }
}
