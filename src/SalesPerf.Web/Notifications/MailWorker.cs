using Microsoft.Extensions.Options;

namespace SalesPerf.Web.Notifications;

/// <summary>The background loop: carry out deal notices (approval mails), sweep due reminders, queue the weekly digests when due, send the outbox; every few seconds, on every app node.</summary>
public sealed class MailWorker(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<Deals.Notices.NoticeDispatcher>().DispatchAsync(ct: stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync(ct: stoppingToken);
                await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().QueueDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync(ct: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminder sweep or mail sending failed; trying again in {Interval}", options.Value.WorkerInterval);
            }
            try { await Task.Delay(options.Value.WorkerInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
