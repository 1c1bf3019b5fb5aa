using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Deals;

/// <summary>Thrown when another writer changed the deal between our read and our write.</summary>
public sealed class DealConcurrencyException(Guid dealId)
    : Exception($"Deal {dealId} was changed by someone else at the same time.");

/// <summary>
/// Loads a deal by folding its events, and writes one transition atomically: its events, score lines, due-item
/// changes and the deal's row, in one transaction guarded by the row's version.
/// </summary>
public sealed class DealStore(SalesPerfDbContext db)
{
    public async Task<DealState?> LoadAsync(Guid dealId, CancellationToken ct = default)
    {
        var rows = await db.DealEvents.AsNoTracking()
            .Where(e => e.DealId == dealId)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Data)
            .ToListAsync(ct);
        return rows.Count == 0 ? null : DealState.FromEvents(rows.Select(DealEventSerializer.Deserialize));
    }

    public async Task SaveAsync(DealTransition t, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await WriteAsync(t, ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsDuplicateKey(e))
            {
                throw new DealConcurrencyException(t.After.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        });
    }

    private async Task WriteAsync(DealTransition t, CancellationToken ct)
    {
        var deal = t.After;
        foreach (var (sequence, e) in t.Events)
            db.DealEvents.Add(new DealEventRecord
            {
                DealId = deal.Id, Sequence = sequence, Type = DealEventSerializer.TypeName(e),
                Data = DealEventSerializer.Serialize(e), At = e.At, ActorId = e.ActorId,
            });
        foreach (var entry in t.ScoreEntries) db.ScoreEntries.Add(ScoreEntryRecord.From(deal.Id, entry));

        await SyncDueItemsAsync(t, ct);

        if (t.Before is null)
        {
            var row = new DealRecord();
            row.CopyFrom(deal);
            db.Deals.Add(row);
        }
        else
        {
            // Attach as unchanged at the version we read, then copy: EF issues UPDATE … WHERE Version = @read.
            var row = new DealRecord();
            row.CopyFrom(t.Before);
            db.Deals.Attach(row);
            row.CopyFrom(deal);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Cancels the due items that no longer apply and schedules (or re-arms) the ones that now do.</summary>
    private async Task SyncDueItemsAsync(DealTransition t, CancellationToken ct)
    {
        var before = t.Before is null ? [] : DealTransition.PendingDueItems(t.Before);
        var after = DealTransition.PendingDueItems(t.After);
        if (before.SequenceEqual(after) && SameRun(t)) return;

        var dealId = t.After.Id;
        if (before.Count > 0 || t.Before?.Current is not null)
            await db.DueItems
                .Where(d => d.DealId == dealId && d.State == DueState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DueState.Cancelled), ct);
        if (after.Count == 0) return;

        var run = t.After.Current!;
        if (!SameRun(t))
        {
            foreach (var item in after)
                db.DueItems.Add(new DueItemRecord
                {
                    DealId = dealId, StageKey = run.StageKey, Run = run.Run, ItemKey = item.Key, Kind = item.Kind,
                    DueAt = item.DueAt, State = DueState.Pending, RepId = t.After.RepId,
                });
            return;
        }
        // Same stage run opened again (resubmission, resume): re-arm what has not fired yet, at its current time.
        foreach (var item in after)
        {
            var key = item.Key;
            var dueAt = item.DueAt;
            await db.DueItems
                .Where(d => d.DealId == dealId && d.StageKey == run.StageKey && d.Run == run.Run && d.ItemKey == key && d.State != DueState.Done)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DueState.Pending).SetProperty(d => d.DueAt, dueAt), ct);
        }
    }

    private static bool SameRun(DealTransition t) =>
        t.Before?.Current is { } b && t.After.Current is { } a && a.StageKey == b.StageKey && a.Run == b.Run;

    private static bool IsDuplicateKey(DbUpdateException e) =>
        e.InnerException?.Message is { } m && (m.Contains("UNIQUE constraint failed") || m.Contains("duplicate key value"));
}
