using System.Net;
using System.Text.RegularExpressions;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Notifications;

/// <summary>Without an SMTP server, mails stay in the outbox and the admin mailbox shows them with working links.</summary>
public sealed class MailboxPageTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task The_approval_mail_waits_in_the_admin_mailbox_and_its_link_works()
    {
        var rep = await _app.SignInAsync("rA");
        var id = await rep.CreateDealAsync("Mailbox <script>alert(1)</script> deal");
        await rep.SubmitCurrentStageAsync(id);
        Assert.Equal(0, await _app.RunMailRoundAsync()); // nothing can be sent: no SMTP server

        var page = await (await _app.SignInAsync("admin")).Http.GetStringAsync("/Admin/Mailbox");
        Assert.Contains("To approve: rA submitted", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page); // user text stays text
        var link = Regex.Match(WebUtility.HtmlDecode(page), @"/MailLinks/Decide\?t=[A-Za-z0-9%_.\-]+").Value;
        Assert.NotEmpty(link);
        Assert.Contains("Approve", await _app.Anonymous().Http.GetStringAsync(link));
    }

    [Theory]
    [InlineData("rA")]
    [InlineData("mN")]
    public async Task Only_admins_open_the_mailbox(string user)
    {
        var response = await (await _app.SignInAsync(user)).GetAsync("/Admin/Mailbox");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var templates = await (await _app.SignInAsync(user)).GetAsync("/Admin/Mailbox/Templates");
        Assert.NotEqual(HttpStatusCode.OK, templates.StatusCode);
    }

    [Fact]
    public async Task The_template_preview_shows_every_template_in_both_languages()
    {
        var page = await (await _app.SignInAsync("admin")).Http.GetStringAsync("/Admin/Mailbox/Templates");
        foreach (var kind in new[] { "reminder", "escalation", "approval-request" })
        foreach (var culture in new[] { "zh-CN", "en" })
            Assert.Contains($"{kind} · {culture}", page);
        Assert.Contains("截止时间", WebUtility.HtmlDecode(WebUtility.HtmlDecode(page))); // inside an encoded srcdoc
    }
}
