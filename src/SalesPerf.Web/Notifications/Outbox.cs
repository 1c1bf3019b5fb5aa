using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>Queues mails. A key already queued is ignored, so callers may safely try again after any failure.</summary>
public sealed class Outbox(SalesPerfDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The INSERT that queues a mail inside another write's transaction (e.g. a reminder with the deal's fired due
    /// items); a key already queued is skipped.
    /// </summary>
    public static RowStatement Row(OutboxMessageRecord m, DateTimeOffset now, SqlDialect sql) => new(
        """INSERT INTO "OutboxMessages" ("Id","DedupKey","Kind","RecipientId","ToAddress","ToName","Subject","TextBody","HtmlBody","Ics","DealId","CreatedAt","Attempts","NextAttemptAt") """ +
        """VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,0,@p12) ON CONFLICT ("DedupKey") DO NOTHING""",
        [sql.Id(Guid.CreateVersion7()), m.DedupKey, m.Kind, m.RecipientId, m.ToAddress, m.ToName, m.Subject, m.TextBody, m.HtmlBody, m.Ics,
            m.DealId is { } deal ? sql.Id(deal) : null, sql.Time(now), sql.Time(now)]);

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
