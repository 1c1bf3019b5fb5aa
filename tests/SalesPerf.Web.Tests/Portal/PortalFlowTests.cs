using System.Net;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>The portal's everyday path: follow-ups, a late stage's delay reason, submitting, approving, sending back — and user text always encoded.</summary>
public sealed class PortalFlowTests : IAsyncLifetime
{
    private const string Script = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    private TestApp _app = null!;
    private ApiClient _rep = null!;
    private string _deal = "";

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _rep = await _app.SignInAsync("rA");
        _rep.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        _deal = await _rep.CreateDealAsync(Script);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private Task<HttpResponseMessage> FollowUpAsync(ApiClient client, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/Deals/{_deal}", $"/Deals/{_deal}?handler=FollowUp", fields);

    [Fact]
    public async Task A_follow_up_from_the_quick_form_is_logged_and_its_text_is_encoded_everywhere()
    {
        var r = await FollowUpAsync(_rep, new()
        {
            ["FollowUp.VisitedAt"] = "2026-03-02T08:30", ["FollowUp.Content"] = Script, ["FollowUp.CustomerNeeds"] = Script,
            ["FollowUp.NextStep"] = Script, ["FollowUp.NextStepDate"] = "2026-03-05",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        foreach (var (client, url) in new[] { (_rep, $"/Deals/{_deal}"), (_rep, "/"), (await _app.SignInAsync("mN"), "/") })
        {
            var html = await client.HtmlAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(", html);
        }
        var deal = await _rep.GetJsonAsync($"/api/deals/{_deal}");
        var f = deal["followUps"]![0]!;
        Assert.Equal(Script, f["content"].Str());
        Assert.Equal("2026-03-02T00:30:00+00:00", f["visitedAt"].Str()); // 08:30 in Shanghai
    }

    [Fact]
    public async Task Validation_errors_appear_next_to_the_fields_in_the_users_language()
    {
        var zh = await _app.SignInAsync("rA");
        zh.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var r = await FollowUpAsync(zh, new() { ["FollowUp.Content"] = "ab", ["FollowUp.NextStep"] = "call back" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"FollowUp.Content\"", html);
        Assert.Contains("请至少用 5 个字描述跟进内容。", html);
        Assert.Contains("请填写下一步的日期。", html);

        var en = await _app.SignInAsync("rA");
        en.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var html2 = await (await FollowUpAsync(en, new() { ["FollowUp.Content"] = "ab" })).Content.ReadAsStringAsync();
        Assert.Contains("Describe the follow-up in at least 5 characters.", html2);
        Assert.Empty((await _rep.GetJsonAsync($"/api/deals/{_deal}"))["followUps"]!.AsArray());
    }

    [Fact]
    public async Task The_language_switch_overrides_the_browser()
    {
        var client = await _app.SignInAsync("rA");
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("My deals", await client.HtmlAsync("/"));
        var r = await client.PostFormAsync("/", "/Account/Language", new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("我的商机", await client.HtmlAsync("/"));
    }

    [Fact]
    public async Task A_late_stage_needs_a_delay_reason_then_the_rep_submits_and_the_manager_approves_from_the_inbox()
    {
        _app.Clock.Advance(TimeSpan.FromDays(10)); // first visit is due after 7 days
        var form = await _rep.HtmlAsync($"/Deals/{_deal}/Submit");
        Assert.Contains("name=\"Delay.Reason\"", form);
        var fields = new Dictionary<string, string>
        {
            ["v.visitDate"] = "2026-03-02", ["v.attendees"] = "Mr Wang, Ms Li", ["v.customerProfile"] = "Provincial grid company, 3 substations",
            ["v.customerType"] = "grid", ["v.nextStep"] = "Collect load data",
        };
        var missingDelay = await _rep.PostMultipartAsync($"/Deals/{_deal}/Submit", fields, []);
        Assert.Equal(HttpStatusCode.OK, missingDelay.StatusCode);
        Assert.Contains("data-valmsg-for=\"Delay.Reason\"", await missingDelay.Content.ReadAsStringAsync());

        fields["Delay.Reason"] = "Customer postponed the meeting twice";
        fields["Delay.Attribution"] = "Customer";
        var ok = await _rep.PostMultipartAsync($"/Deals/{_deal}/Submit", fields, []);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var manager = await _app.SignInAsync("mN");
        var inbox = await manager.HtmlAsync("/Approvals");
        Assert.Contains($"{_deal}:1", inbox);
        Assert.Contains("Customer postponed the meeting twice", inbox);
        var decide = await manager.PostFormAsync("/Approvals", "/Approvals?handler=Batch", new Dictionary<string, string> { ["selected"] = $"{_deal}:1" });
        Assert.Equal(HttpStatusCode.Redirect, decide.StatusCode);
        var deal = await _rep.GetJsonAsync($"/api/deals/{_deal}");
        Assert.Equal("needs-analysis", deal["current"]!["key"].Str());
        Assert.DoesNotContain($"{_deal}:1", await manager.HtmlAsync("/Approvals"));

        // The approval shows on the rep's score page, linked to its event; the deal's title stays encoded there too.
        var score = await _rep.HtmlAsync("/Score");
        Assert.Matches($"href=\"/Deals/{_deal}#e\\d+\"", score);
        Assert.Contains("Stage &#x27;First visit&#x27; approved", score);
        Assert.DoesNotContain("<script>alert", score);
    }

    [Fact]
    public async Task The_team_board_shows_overdue_and_stalled_deals_of_the_managers_team_only()
    {
        var other = await (await _app.SignInAsync("rC")).CreateDealAsync("South deal");
        _app.Clock.Advance(TimeSpan.FromDays(20));
        var board = await (await _app.SignInAsync("mN")).HtmlAsync("/Team");
        Assert.Contains($"href=\"/Deals/{_deal}\"", board[board.IndexOf("id=\"overdue\"")..board.IndexOf("id=\"stalled\"")]);
        Assert.Contains($"href=\"/Deals/{_deal}\"", board[board.IndexOf("id=\"stalled\"")..]);
        Assert.DoesNotContain(other, board);

        // A follow-up with a next step in the future takes the deal off the stalled list.
        Assert.Equal(HttpStatusCode.Redirect, (await FollowUpAsync(_rep, new()
            { ["FollowUp.Content"] = "Called the customer", ["FollowUp.NextStep"] = "Site visit", ["FollowUp.NextStepDate"] = "2026-04-30" })).StatusCode);
        _app.Clock.Advance(TimeSpan.FromDays(15));
        var later = await (await _app.SignInAsync("mN")).HtmlAsync("/Team");
        Assert.DoesNotContain($"href=\"/Deals/{_deal}\"", later[later.IndexOf("id=\"stalled\"")..]);
    }

    [Fact]
    public async Task The_team_board_names_the_stages_of_every_published_flow()
    {
        var power = await _rep.CreateDealAsync("Substation survey", flow: "power-service-flow");
        Assert.True((await _rep.SubmitCurrentStageAsync(power)).IsSuccessStatusCode);
        var manager = await _app.SignInAsync("mN");
        Assert.True((await manager.PostAsync($"/api/deals/{power}/submissions/1/approve", new { })).IsSuccessStatusCode);

        var board = await manager.HtmlAsync("/Team");
        Assert.Contains("现场勘查", board); // the power-service flow's site survey, not its key
        Assert.DoesNotContain(">site-survey<", board);
    }

    [Fact]
    public async Task A_send_back_needs_a_comment_and_the_rep_sees_it_on_the_form()
    {
        Assert.True((await _rep.SubmitCurrentStageAsync(_deal)).IsSuccessStatusCode);
        var manager = await _app.SignInAsync("mN");
        var empty = await manager.PostFormAsync("/Approvals", "/Approvals?handler=Decide",
            new Dictionary<string, string> { ["dealId"] = _deal, ["submissionNo"] = "1", ["decision"] = "sendback", ["comment"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Equal("submitted", (await _rep.GetJsonAsync($"/api/deals/{_deal}"))["current"]!["status"].Str());

        var back = await manager.PostFormAsync("/Approvals", "/Approvals?handler=Decide",
            new Dictionary<string, string> { ["dealId"] = _deal, ["submissionNo"] = "1", ["decision"] = "sendback", ["comment"] = Script + " add the attendees' titles" });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var form = await _rep.HtmlAsync($"/Deals/{_deal}/Submit");
        Assert.Contains("add the attendees&#x27; titles", form);
        Assert.DoesNotContain("<script>alert", form);
    }

    [Fact]
    public async Task A_send_back_without_a_comment_from_the_deal_page_says_why_there_and_only_there()
    {
        Assert.True((await _rep.SubmitCurrentStageAsync(_deal)).IsSuccessStatusCode);
        var manager = await _app.SignInAsync("mN");
        manager.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var empty = await manager.PostFormAsync($"/Deals/{_deal}", "/Approvals?handler=Decide", new Dictionary<string, string>
        {
            ["dealId"] = _deal, ["submissionNo"] = "1", ["decision"] = "sendback", ["comment"] = "", ["returnUrl"] = $"/Deals/{_deal}",
        });
        Assert.Equal($"/Deals/{_deal}", empty.Headers.Location!.OriginalString);
        Assert.Contains("Tell the rep what to change", await manager.HtmlAsync($"/Deals/{_deal}"));
        Assert.DoesNotContain("Tell the rep what to change", await manager.HtmlAsync("/Approvals"));
        Assert.Equal("submitted", (await _rep.GetJsonAsync($"/api/deals/{_deal}"))["current"]!["status"].Str());
    }
}
