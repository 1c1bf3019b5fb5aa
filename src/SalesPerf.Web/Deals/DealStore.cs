using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>Thrown when another writer changed the deal between our read and our write.</summary>
public sealed class DealConcurrencyException(Guid dealId)
    : Exception($"Deal {dealId} was changed by someone else at the same time.");

/// <summary>
/// Loads a deal by folding its events, and writes one transition atomically: its events, its score lines and the
/// deal's row (which carries the next due time), in one transaction guarded by the row's version. This is the
/// hottest path of the app, so it speaks SQL directly over EF's connection instead of going through change tracking.
/// The connection stays open for the store's (the request's) lifetime; EF closes it with the context.
/// </summary>
public sealed class DealStore(SalesPerfDbContext db, DealStateCache cache)
{
    private readonly SqlDialect _sql = SqlDialect.For(db);

    /// <summary>
    /// This node's cached state if it has one, unverified; only for deciding a command whose write the version guard
    /// checks (see <see cref="DealService"/>). Everything shown to people uses <see cref="LoadAsync"/>.
    /// </summary>
    public async Task<DealState?> LoadCachedOrStoredAsync(Guid dealId, CancellationToken ct = default) =>
        cache.Get(dealId) ?? await LoadAsync(dealId, ct);

    public async Task<DealState?> LoadAsync(Guid dealId, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using (var version = connection.CreateCommand())
        {
            version.CommandText = """SELECT "Version" FROM "Deals" WHERE "Id" = @deal""";
            version.With("@deal", _sql.Id(dealId));
            if (await version.ExecuteScalarAsync(ct) is not { } v || v is DBNull) return null;
            if (cache.Get(dealId, Convert.ToInt32(v, CultureInfo.InvariantCulture)) is { } cached) return cached;
        }
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """SELECT "Data" FROM "DealEvents" WHERE "DealId" = @deal ORDER BY "Sequence" """;
        cmd.With("@deal", _sql.Id(dealId));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        DealState? state = null;
        while (await reader.ReadAsync(ct))
            state = DealState.Apply(state, DealEventSerializer.Deserialize(reader.GetString(0)));
        if (state is not null) cache.Put(state);
        return state;
    }

    public async Task SaveAsync(DealTransition t, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
        try
        {
            var writer = new DealRowWriter(tx, _sql);
            var deal = t.After;
            // The deal row first in the batch: its version check takes the row lock (PostgreSQL) before the inserts.
            if (t.Before is null) await writer.InsertDealAsync(deal, ct);
            else writer.UpdateDeal(t.Before, deal);
            writer.InsertEvents(deal.Id, t.Events);
            writer.InsertScores(deal.Id, t.ScoreEntries);
            if (!await writer.FlushAsync(ct)) throw new DealConcurrencyException(deal.Id);
            await tx.CommitAsync(ct);
            cache.Put(deal);
        }
        catch (DbException e) when (_sql.IsUniqueViolation(e))
        {
            // Someone appended event #n before us: the (DealId, Sequence) key says so.
            cache.Remove(t.After.Id);
            throw new DealConcurrencyException(t.After.Id);
        }
        catch (DealConcurrencyException)
        {
            cache.Remove(t.After.Id);
            throw;
        }
    }

    /// <summary>
    /// Writes transitions of existing deals in one transaction: all or none. A deal that changed since it was read
    /// fails the whole batch (used to migrate deals to a new flow version, which must not stop half-way).
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<DealTransition> transitions, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using (var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct))
        {
            var current = Guid.Empty;
            try
            {
                foreach (var t in transitions)
                {
                    current = t.After.Id;
                    var writer = new DealRowWriter(tx, _sql);
                    writer.UpdateDeal(t.Before ?? throw new ArgumentException("Only existing deals are saved in a batch."), t.After);
                    writer.InsertEvents(t.After.Id, t.Events);
                    writer.InsertScores(t.After.Id, t.ScoreEntries);
                    if (!await writer.FlushAsync(ct)) throw new DealConcurrencyException(t.After.Id);
                }
                await tx.CommitAsync(ct);
            }
            catch (DbException e) when (_sql.IsUniqueViolation(e))
            {
                throw new DealConcurrencyException(current);
            }
        }
        foreach (var t in transitions) cache.Put(t.After);
    }
}
