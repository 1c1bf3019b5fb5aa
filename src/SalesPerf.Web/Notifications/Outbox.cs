using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>Queues mails. A key already queued is ignored, so callers may safely try again after any failure.</summary>
public sealed class Outbox(SalesPerfDbContext db, TimeProvider clock)
{
    /// <returns>true when queued now, false when a mail with the same key was queued before.</returns>
    public async Task<bool> EnqueueAsync(OutboxMessageRecord message, CancellationToken ct = default)
    {
        if (await db.Set<OutboxMessageRecord>().AnyAsync(m => m.DedupKey == message.DedupKey, ct)) return false;
        message.Id = Guid.CreateVersion7();
        message.CreatedAt = message.NextAttemptAt = clock.GetUtcNow();
        db.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node queued it between our check and our insert; anything else is a real failure.
            if (await db.Set<OutboxMessageRecord>().AnyAsync(m => m.DedupKey == message.DedupKey, ct)) return false;
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
