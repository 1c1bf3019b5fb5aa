using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals.Notices;

/// <summary>
/// Hands waiting notices to their handlers, oldest first, and deletes each once handled. Two app nodes may handle
/// the same notice at the same time; handlers are idempotent (e.g. the outbox's de-duplication keys), so that is harmless.
/// A notice whose handler fails stays for the next round, up to a few attempts, and is logged.
/// </summary>
public sealed class NoticeDispatcher(SalesPerfDbContext db, IEnumerable<IDealNoticeHandler> handlers, ILogger<NoticeDispatcher> log)
{
    private const int MaxAttempts = 5;

    /// <returns>how many notices were handled</returns>
    public async Task<int> DispatchAsync(int batch = 200, CancellationToken ct = default)
    {
        var notices = await db.Set<DealNoticeRecord>().AsNoTracking().Where(n => n.Attempts < MaxAttempts)
            .OrderBy(n => n.CreatedAt).Take(batch).ToListAsync(ct);
        var handled = 0;
        foreach (var notice in notices)
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == notice.Kind);
            try
            {
                if (handler is null) throw new InvalidOperationException($"No handler for notices of kind '{notice.Kind}'.");
                await handler.HandleAsync(notice.DealId, notice.Data, ct);
                await db.Set<DealNoticeRecord>().Where(n => n.Id == notice.Id).ExecuteDeleteAsync(ct);
                handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Notice {Key} failed (attempt {Attempt})", notice.Key, notice.Attempts + 1);
                await db.Set<DealNoticeRecord>().Where(n => n.Id == notice.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
            }
        }
        return handled;
    }
}
