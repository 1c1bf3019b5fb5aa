using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>
/// Sends due outbox messages over SMTP. Each message is leased first (an UPDATE that only one node can win), sent,
/// then marked sent; a failure schedules a retry with exponential backoff, so nothing is lost while SMTP is down.
/// </summary>
public sealed class MailSender(SalesPerfDbContext db, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> log)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.SmtpHost);

    /// <returns>how many messages were sent</returns>
    public async Task<int> SendDueAsync(int batch = 50, CancellationToken ct = default)
    {
        if (!IsConfigured) return 0;
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessageRecord>().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(batch).Select(m => m.Id).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var sent = 0;
        using var smtp = new SmtpClient();
        try
        {
            foreach (var id in due)
            {
                if (!await LeaseAsync(id, now, ct)) continue; // another node has it
                var message = await db.Set<OutboxMessageRecord>().AsNoTracking().SingleAsync(m => m.Id == id, ct);
                try
                {
                    if (!smtp.IsConnected) await ConnectAsync(smtp, ct);
                    await smtp.SendAsync(ToMime(message), ct);
                    await MarkAsync(id, s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var attempts = message.Attempts + 1;
                    var retryAt = clock.GetUtcNow() + Backoff(attempts);
                    var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                    log.LogWarning("Mail {Key} to {To} failed (attempt {Attempts}), retry at {RetryAt}: {Error}", message.DedupKey, message.ToAddress, attempts, retryAt, error);
                    await MarkAsync(id, s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, retryAt)
                        .SetProperty(m => m.LastError, error).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
                    if (!smtp.IsConnected) break; // the server is down: the rest waits for the next round
                }
            }
        }
        finally
        {
            if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return sent;
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Min(attempts - 1, 10))));

    private async Task<bool> LeaseAsync(Guid id, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<OutboxMessageRecord>()
            .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Lease), ct) == 1;

    private Task<int> MarkAsync(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessageRecord>> set, CancellationToken ct) =>
        db.Set<OutboxMessageRecord>().Where(m => m.Id == id).ExecuteUpdateAsync(set, ct);

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var o = options.Value;
        smtp.Timeout = 15_000;
        await smtp.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpTls switch
        {
            SmtpTls.None => SecureSocketOptions.None,
            SmtpTls.StartTls => SecureSocketOptions.StartTls,
            SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        }, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
    }

    private MimeMessage ToMime(OutboxMessageRecord m)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        message.Subject = m.Subject;
        message.MessageId = $"{m.Id:N}@salesperf";
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        if (m.Ics is not null)
            body.Attachments.Add("deadline.ics", System.Text.Encoding.UTF8.GetBytes(m.Ics), new ContentType("text", "calendar") { Charset = "utf-8" });
        message.Body = body.ToMessageBody();
        return message;
    }
}
