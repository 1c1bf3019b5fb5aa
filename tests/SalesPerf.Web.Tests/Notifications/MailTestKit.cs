using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Notifications;

/// <summary>Helpers of the mail tests: point the app at the SMTP sink, run a sweep and a send round, read links.</summary>
public static partial class MailTestKit
{
    public static TestApp WithSmtp(this TestApp app, SmtpSink smtp)
    {
        app.Settings["SalesPerf:Mail:SmtpHost"] = "127.0.0.1";
        app.Settings["SalesPerf:Mail:SmtpPort"] = smtp.Port.ToString();
        app.Settings["SalesPerf:Mail:SmtpTls"] = "None";
        app.Settings["SalesPerf:Mail:PublicBaseUrl"] = "http://localhost";
        return app;
    }

    /// <summary>What the background worker does in one round: carry out deal notices, sweep due reminders, send the outbox.</summary>
    public static async Task<int> RunMailRoundAsync(this TestApp app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SalesPerf.Web.Deals.Notices.NoticeDispatcher>().DispatchAsync();
        await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync();
        return await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync();
    }

    [GeneratedRegex(@"http://localhost(/MailLinks/Decide\?t=[A-Za-z0-9%_.\-]+)")]
    private static partial Regex DecideLink();

    public static string DecidePath(this MimeMessage mail) => DecideLink().Match(mail.TextBody ?? "").Groups[1].Value;
}
