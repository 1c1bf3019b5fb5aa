using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>Thrown when another writer changed the deal between our read and our write.</summary>
public sealed class DealConcurrencyException(Guid dealId)
    : Exception($"Deal {dealId} was changed by someone else at the same time.");

/// <summary>
/// Loads a deal by folding its events (with a cache checked against the deal row's version), and writes transitions
/// atomically through the provider's <see cref="IDealWriter"/>: the events, the score lines and the deal's row (which
/// carries the next due time) in one transaction guarded by the row's version. This is the hottest path of the app,
/// so it speaks SQL directly instead of going through EF's change tracking.
/// </summary>
public sealed class DealStore(SalesPerfDbContext db, DealStateCache cache, IDealWriter writer)
{
    private readonly SqlDialect _sql = writer.Dialect;

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

    public Task SaveAsync(DealTransition t, CancellationToken ct = default) => SaveAllAsync([t], ct);

    /// <summary>
    /// Writes transitions in one transaction: all or none. A deal that changed since it was read fails the whole
    /// batch (e.g. migrating deals to a new flow version must not stop half-way).
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<DealTransition> transitions, CancellationToken ct = default)
    {
        try
        {
            await writer.WriteAsync([.. transitions.Select(t => DealWrite.For(t, _sql))], ct);
        }
        catch
        {
            foreach (var t in transitions) cache.Remove(t.After.Id);
            throw;
        }
        foreach (var t in transitions) cache.Put(t.After);
    }
}
