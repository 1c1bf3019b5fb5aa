using System.Net;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Notifications;

/// <summary>Managers approve from their mailbox: a real SMTP server, the real link, the real confirmation page.</summary>
public sealed class EmailApprovalTests() : MailAppTests(TestDatabase.Sqlite)
{
    private async Task<(string DealId, string DecidePath)> SubmitAndReceiveAsync()
    {
        var rep = await App.SignInAsync("rA");
        var id = await rep.CreateDealAsync("Substation expansion");
        Assert.Equal(HttpStatusCode.OK, (await rep.SubmitCurrentStageAsync(id)).StatusCode);
        Assert.Equal(1, await App.RunMailRoundAsync());
        var mail = Assert.Single(Smtp.Messages());
        Assert.Equal("mN@test.local", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Substation expansion", mail.Subject);
        Assert.Contains("Customer profile", mail.TextBody); // the deliverable's summary
        return (id, mail.DecidePath());
    }

    [Fact]
    public async Task Opening_the_link_changes_nothing_and_the_post_from_the_pageApproves()
    {
        var (id, path) = await SubmitAndReceiveAsync();
        var browser = App.Anonymous(); // the manager's mail client: no session

        var page = await browser.Http.GetStringAsync(path);
        Assert.Contains("Substation expansion", page);
        Assert.Equal("submitted", (await (await App.SignInAsync("rA")).GetJsonAsync($"/api/deals/{id}"))["current"]!["status"].Str());

        var decided = await PostDecisionAsync(browser, path, page, "approve", "Good report");
        Assert.Contains("Approved", decided);
        var deal = await (await App.SignInAsync("rA")).GetJsonAsync($"/api/deals/{id}");
        Assert.Equal("needs-analysis", deal["current"]!["key"].Str());
        var events = (await (await App.SignInAsync("rA")).GetJsonAsync($"/api/deals/{id}/events")).AsArray();
        var approval = events.Single(e => e!["type"].Str() == "approved")!;
        Assert.Equal("mN", approval["actorName"].Str()); // recorded as the manager's decision, like one from the portal
    }

    [Fact]
    public async Task A_used_link_cannot_be_replayed()
    {
        var (_, path) = await SubmitAndReceiveAsync();
        var browser = App.Anonymous();
        var page = await browser.Http.GetStringAsync(path);
        await PostDecisionAsync(browser, path, page, "approve", null);

        var again = await browser.Http.GetStringAsync(path);
        Assert.Contains("already decided", again);
        var replay = await PostDecisionAsync(browser, path, page, "sendBack", "Changed my mind");
        Assert.Contains("already decided", replay);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_friendly_page()
    {
        var (id, path) = await SubmitAndReceiveAsync();
        App.Clock.Advance(TimeSpan.FromDays(6)); // links live five days
        var page = await App.Anonymous().Http.GetStringAsync(path);
        Assert.Contains("expired", page);
        Assert.Equal("submitted", (await (await App.SignInAsync("rA")).GetJsonAsync($"/api/deals/{id}"))["current"]!["status"].Str());
    }

    [Fact]
    public async Task A_forged_link_or_one_for_anotherApprover_is_refused()
    {
        var (_, path) = await SubmitAndReceiveAsync();
        var token = Uri.UnescapeDataString(path.Split("t=")[1]);
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token.Split('.')[0]));
        var forgedPayload = payload.Replace(App.UserIds["mN"], App.UserIds["mS"]); // re-addressed to the other team's manager
        var forged = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(forgedPayload)) + "." + token.Split('.')[1];

        var page = await App.Anonymous().Http.GetStringAsync($"/MailLinks/Decide?t={Uri.EscapeDataString(forged)}");
        Assert.Contains("not valid", page);
        Assert.Contains("not valid", await App.Anonymous().Http.GetStringAsync("/MailLinks/Decide?t=garbage"));
    }

    [Fact]
    public async Task A_link_is_void_once_the_rep_resubmits()
    {
        var (id, path) = await SubmitAndReceiveAsync();
        var manager = await App.SignInAsync("mN");
        var submitted = await manager.GetJsonAsync($"/api/deals/{id}");
        await manager.PostJsonAsync($"/api/deals/{id}/submissions/{submitted.PendingSubmission()}/send-back", new { comment = "Add the attendees' roles" });
        await (await App.SignInAsync("rA")).SubmitCurrentStageAsync(id);

        Assert.Contains("already decided", await App.Anonymous().Http.GetStringAsync(path));
    }

    private static async Task<string> PostDecisionAsync(ApiClient browser, string path, string page, string decision, string? comment)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageClient.TokenIn(page, path),
            ["decision"] = decision,
            ["Comment"] = comment ?? "",
        });
        var response = await browser.Http.PostAsync(path, form);
        return await response.Content.ReadAsStringAsync();
    }
}
