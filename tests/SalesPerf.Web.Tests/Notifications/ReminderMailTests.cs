using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Admin;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Notifications;

/// <summary>Reminders reach the rep once, survive SMTP outages and restarts, and never go out twice.</summary>
public abstract class ReminderMailTests(Func<TestDatabase> database) : MailAppTests(database)
{
    [Fact]
    public async Task A_reminder_reaches_the_rep_in_their_language_with_a_calendar_file_and_only_once()
    {
        var id = await (await App.SignInAsync("rA")).CreateDealAsync("Storage project");
        App.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1)); // first visit: reminder 2 days before the 7-day deadline

        Assert.Equal(1, await App.RunMailRoundAsync());
        Assert.Equal(0, await App.RunMailRoundAsync());

        var mail = Assert.Single(Smtp.Messages());
        Assert.Equal("rA@test.local", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Storage project", mail.Subject);
        Assert.Contains("First visit", mail.Subject);
        Assert.Contains("9 Mar 2026, 09:00 (UTC+08:00)", mail.TextBody); // due in Shanghai time
        // The mail's "open the deal" link works for the rep who gets it (it used to point at a page that does not exist).
        var link = System.Text.RegularExpressions.Regex.Match(mail.HtmlBody ?? "", "href=\"http://localhost(/Deals/[^\"]+)\"").Groups[1].Value;
        Assert.Equal($"/Deals/{id}", link);
        var page = await (await App.SignInAsync("rA")).Http.GetAsync(link);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Storage project", await page.Content.ReadAsStringAsync());
        var ics = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var text = new StreamReader(ics.Content!.Open());
        Assert.Contains("DTEND:20260309T010000Z", await text.ReadToEndAsync());
    }

    [Fact]
    public async Task A_rep_abroad_reads_the_due_time_in_the_time_zone_the_admin_set_for_them()
    {
        var admin = await App.SignInAsync("admin");
        var refused = await admin.SubmitAsync($"/Admin/Users/Edit?id={App.UserIds["rA"]}", "Save",
            new() { ["Name"] = "rA", ["Role"] = "rep", ["TeamId"] = await TeamOfAsync("rA"), ["Culture"] = "en", ["TimeZone"] = "Mars/Olympus_Mons" });
        Assert.Contains("请从列表中选择时区。", refused);
        await admin.SubmitAsync($"/Admin/Users/Edit?id={App.UserIds["rA"]}", "Save",
            new() { ["Name"] = "rA", ["Role"] = "rep", ["TeamId"] = await TeamOfAsync("rA"), ["Culture"] = "en", ["TimeZone"] = "Europe/London" });

        await (await App.SignInAsync("rA")).CreateDealAsync("Offshore wind");
        App.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await App.RunMailRoundAsync());

        var mail = Assert.Single(Smtp.Messages());
        Assert.Contains("9 Mar 2026, 01:00 (UTC+00:00)", mail.TextBody); // 09:00 in Shanghai is 01:00 in London (GMT in March)
    }

    private async Task<string> TeamOfAsync(string user)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var id = App.UserIds[user];
        return (await db.Users.Where(u => u.Id == id).Select(u => u.TeamId).SingleAsync()).ToString()!;
    }

    [Fact]
    public async Task After_a_week_of_downtime_the_rep_gets_one_current_notice_and_the_manager_the_escalation()
    {
        await (await App.SignInAsync("rA")).CreateDealAsync("Wind farm connection");
        App.Clock.Advance(TimeSpan.FromDays(14));

        Assert.Equal(2, await App.RunMailRoundAsync());
        var mails = Smtp.Messages();
        Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "rA@test.local");
        var escalation = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "mN@test.local");
        Assert.Contains("Escalation", escalation.Subject);
        Assert.Contains("7 days late", escalation.Subject);
    }

    [Fact]
    public async Task Submitting_cancels_the_pending_reminders()
    {
        var rep = await App.SignInAsync("rA");
        var id = await rep.CreateDealAsync();
        await rep.SubmitCurrentStageAsync(id);
        App.Clock.Advance(TimeSpan.FromDays(10));
        await App.RunMailRoundAsync();
        Assert.All(Smtp.Messages(), m => Assert.Equal("mN@test.local", m.To.Mailboxes.Single().Address)); // only the approval request
    }

    [Fact]
    public async Task WhileSmtp_is_down_nothing_is_lost_and_after_it_returns_each_mail_arrives_once()
    {
        await (await App.SignInAsync("rA")).CreateDealAsync("Outage");
        App.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        Smtp.Stop();

        Assert.Equal(0, await App.RunMailRoundAsync());
        using (var scope = App.Services.CreateScope())
        {
            var queued = await scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>().Set<OutboxMessageRecord>().SingleAsync();
            Assert.Null(queued.SentAt);
            Assert.Equal(1, queued.Attempts);
            Assert.NotNull(queued.LastError);
        }
        for (var hour = 0; hour < 60; hour++) // an hour of retries against a dead server
        {
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            await App.RunMailRoundAsync();
        }
        Smtp.Start();
        App.Clock.Advance(MailSender.MaxBackoff);
        Assert.Equal(1, await App.RunMailRoundAsync());
        Assert.Equal(0, await App.RunMailRoundAsync());
        Assert.Single(Smtp.Messages());
    }

    [Fact]
    public async Task TwoApp_nodes_sweeping_and_sending_at_once_send_each_mail_once()
    {
        for (var i = 0; i < 6; i++) await (await App.SignInAsync(i % 2 == 0 ? "rA" : "rB")).CreateDealAsync($"Deal {i}");
        App.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await using var second = await AnotherNodeAsync();

        await Task.WhenAll(App.RunMailRoundAsync(), second.RunMailRoundAsync(), App.RunMailRoundAsync(), second.RunMailRoundAsync());
        await Task.WhenAll(App.RunMailRoundAsync(), second.RunMailRoundAsync());

        var mails = Smtp.Messages();
        Assert.Equal(6, mails.Count);
        Assert.Equal(6, mails.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task A_restartedApp_does_not_send_again_what_was_sent_before()
    {
        await (await App.SignInAsync("rA")).CreateDealAsync("Restart");
        App.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await App.RunMailRoundAsync();
        await App.DisposeAsync();

        App = await AnotherNodeAsync();
        Assert.Equal(0, await App.RunMailRoundAsync());
        Assert.Single(Smtp.Messages());
    }
}

public sealed class SqliteReminderMailTests() : ReminderMailTests(TestDatabase.Sqlite);
public sealed class PostgresReminderMailTests() : ReminderMailTests(TestDatabase.Postgres);
