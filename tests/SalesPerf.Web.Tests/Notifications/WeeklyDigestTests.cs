using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Notifications;

/// <summary>The weekly digest: what each rep did and has due, what each manager must look at; once per week.</summary>
public sealed class WeeklyDigestTests() : MailAppTests(TestDatabase.Sqlite)
{
    private async Task<int> QueueDigestsAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().QueueDueAsync();
    }

    [Fact]
    public async Task Each_rep_and_manager_gets_one_digest_per_week_with_last_weeks_work_and_what_is_pending()
    {
        // Monday 2 March, 09:00 in Shanghai: a first visit approved this week, then the needs report submitted.
        var rep = await App.SignInAsync("rA");
        var manager = await App.SignInAsync("mN");
        var id = await rep.CreateDealAsync("Digest deal");
        var submitted = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(id), expectSuccess: true);
        await manager.PostJsonAsync($"/api/deals/{id}/submissions/{submitted.PendingSubmission()}/approve", new { });
        App.Clock.Advance(TimeSpan.FromDays(6));
        await rep.SubmitCurrentStageAsync(id);
        App.Clock.Advance(TimeSpan.FromDays(1)); // Monday 9 March, 09:00: the digest of the week that just ended is due

        Assert.Equal(5, await QueueDigestsAsync(App)); // reps rA, rB, rC and managers mN, mS
        Assert.Equal(0, await QueueDigestsAsync(App));
        await App.RunMailRoundAsync();

        var mails = Smtp.Messages().Where(m => (m.Subject ?? "").Contains("Weekly performance digest (2026-03-09)")).ToList();
        Assert.Equal(5, mails.Count);
        var repMail = mails.Single(m => m.To.Mailboxes.Single().Address == "rA@test.local").TextBody!;
        Assert.Contains("Stages approved last week: 1", repMail);
        Assert.Contains("+5 · Stage 'First visit' approved", repMail);
        var managerMail = mails.Single(m => m.To.Mailboxes.Single().Address == "mN@test.local").TextBody!;
        Assert.Contains("rA: 1 stages approved last week", managerMail);
        Assert.Contains("Digest deal · needs-analysis: http://localhost/MailLinks/Decide?t=", managerMail);
        var link = System.Text.RegularExpressions.Regex.Match(managerMail, @"http://localhost(/MailLinks/Decide\?t=\S+)").Groups[1].Value;
        Assert.Contains("Approve", await App.Anonymous().Http.GetStringAsync(link)); // the digest's link really works
    }

    [Fact]
    public async Task A_restart_within_the_week_sends_nothing_again_and_the_next_week_sends_again()
    {
        App.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(5, await QueueDigestsAsync(App));
        await App.DisposeAsync();

        App = await AnotherNodeAsync();
        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await QueueDigestsAsync(App));
        App.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(5, await QueueDigestsAsync(App));
    }
}
