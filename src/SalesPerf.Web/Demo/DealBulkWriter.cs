using SalesPerf.Engine.Deals;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Demo;

/// <summary>
/// Writes whole generated deal histories in large transactions (demo data, benchmark fixtures). Live changes
/// go through <see cref="DealStore"/>; this writes the same rows for a deal's final state.
/// </summary>
public sealed class DealBulkWriter(SalesPerfDbContext db)
{
    public async Task<int> WriteAsync(IEnumerable<IReadOnlyList<DealTransition>> deals, int batchSize = 500, CancellationToken ct = default)
    {
        var written = 0;
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in deals.Where(d => d.Count > 0).Chunk(batchSize))
            {
                // Joins the caller's transaction if there is one; otherwise each batch commits on its own.
                var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                foreach (var transitions in batch) Add(transitions);
                await db.SaveChangesAsync(ct);
                if (own is not null)
                {
                    await own.CommitAsync(ct);
                    await own.DisposeAsync();
                }
                db.ChangeTracker.Clear();
                written += batch.Length;
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
        }
        return written;
    }

    private void Add(IReadOnlyList<DealTransition> transitions)
    {
        var final = transitions[^1].After;
        foreach (var t in transitions)
        {
            foreach (var (sequence, e) in t.Events)
                db.DealEvents.Add(new DealEventRecord
                {
                    DealId = final.Id, Sequence = sequence, Type = DealEventSerializer.TypeName(e),
                    Data = DealEventSerializer.Serialize(e), At = e.At, ActorId = e.ActorId,
                });
            foreach (var s in t.ScoreEntries) db.ScoreEntries.Add(ScoreEntryRecord.From(final.Id, s));
        }
        var row = new DealRecord();
        row.CopyFrom(final);
        db.Deals.Add(row);

    }
}
