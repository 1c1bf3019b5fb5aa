using Microsoft.Extensions.Options;
using SalesPerf.Web.Notifications;

namespace SalesPerf.Web.Evaluations.Closing;

/// <summary>
/// The schedule: each month is closed <see cref="ClosingOptions.AutoCloseAfterDays"/> days after it ended (company time zone),
/// unless HR closed it already. A month that was ever closed is left alone (a reopened month waits for HR to close it
/// again). Runs on every node; the unique (period, version) row makes it happen once across nodes and restarts.
/// </summary>
public sealed class AutoCloser(PeriodCloser closer, ClosedPeriodStore store, IOptions<ClosingOptions> options, ILogger<AutoCloser> log)
{
    /// <returns>How many months this call closed.</returns>
    public async Task<int> CloseDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.AutoCloseEnabled) return 0;
        var today = closer.Today;
        // Last month, from its closing day on (a node that was down that day closes it at its first run after); older
        // months are HR's to close, so a new installation does not close a history nobody reviewed.
        var closed = 0;
        var last = today.AddMonths(-1);
        var period = ReportPeriod.Month(last.Year, last.Month);
        if (today >= period.End.AddDays(Math.Max(0, o.AutoCloseAfterDays)) && !await store.EverClosedAsync(period, ct)
            && (await closer.CloseAsync(period, ClosingActor.Schedule, ct)).Status == ClosingStatus.Closed)
        {
            closed++;
            log.LogInformation("The schedule closed {Month:yyyy-MM} ({Days} days after it ended)", period.Start, o.AutoCloseAfterDays);
        }
        return closed;
    }
}

/// <summary>Runs the closing schedule every worker interval, on every app node (as the other background work does).</summary>
public sealed class ClosingWorker(IServiceScopeFactory scopes, IOptions<MailOptions> mail, TimeProvider clock, ILogger<ClosingWorker> log) : BackgroundService
{
    private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the worker finishes its next round, so a caller (a test) waits for that fact instead of polling.</summary>
    public Task NextRoundAsync() => Volatile.Read(ref _round).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Value.WorkerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<AutoCloser>().CloseDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Closing the due periods failed; trying again in {Interval}", mail.Value.WorkerInterval);
            }
            Interlocked.Exchange(ref _round, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            try { await Task.Delay(mail.Value.WorkerInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
