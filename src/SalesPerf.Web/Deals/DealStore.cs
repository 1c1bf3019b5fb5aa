using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Deals.Notices;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>Thrown when another writer changed the deal between our read and our write.</summary>
public sealed class DealConcurrencyException(Guid dealId)
    : Exception($"Deal {dealId} was changed by someone else at the same time.");

/// <summary>
/// Loads a deal by folding its events (with a cache checked against the deal row's version), and writes transitions
/// atomically through the provider's <see cref="IDealWriter"/>: the events, the score lines, the deal's row (which
/// carries the next due time) and the notices the transition calls for, in one transaction guarded by the row's version. This is the hottest path of the app,
/// so it speaks SQL directly instead of going through EF's change tracking.
/// </summary>
public sealed class DealStore(SalesPerfDbContext db, DealStateCache cache, IDealWriter writer, IEnumerable<IDealNoticeRule> noticeRules,
    Caching.DataStamp stamp)
{
    private readonly SqlDialect _sql = writer.Dialect;

    /// <summary>
    /// This node's cached state if it has one, unverified; only for deciding a command whose write the version guard
    /// checks (see <see cref="DealService"/>). Everything shown to people uses <see cref="LoadAsync"/>.
    /// </summary>
    public async Task<DealState?> LoadCachedOrStoredAsync(Guid dealId, CancellationToken ct = default) =>
        cache.Get(dealId) ?? await LoadAsync(dealId, ct);

    /// <summary>The deals with the given ids and versions (as just read from their rows), folding only those not cached.</summary>
    public async Task<IReadOnlyList<DealState>> LoadManyAsync(IReadOnlyCollection<(Guid Id, int Version)> deals, CancellationToken ct = default)
    {
        var found = new List<DealState>(deals.Count);
        var missing = new List<Guid>();
        foreach (var (id, version) in deals)
            if (cache.Get(id, version) is { } cached) found.Add(cached);
            else missing.Add(id);
        if (missing.Count == 0) return found;

        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        var names = missing.Select((id, i) => { cmd.With($"@d{i}", _sql.Id(id)); return $"@d{i}"; });
        cmd.CommandText = $"""SELECT "DealId", "Data" FROM "DealEvents" WHERE "DealId" IN ({string.Join(",", names)}) ORDER BY "DealId", "Sequence" """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        DealState? state = null;
        object? current = null;
        while (await reader.ReadAsync(ct))
        {
            var dealId = reader.GetValue(0);
            if (!Equals(dealId, current)) { Add(state); state = null; current = dealId; }
            state = DealState.Apply(state, DealEventSerializer.Deserialize(reader.GetString(1)));
        }
        Add(state);
        return found;

        void Add(DealState? s)
        {
            if (s is null) return;
            cache.Put(s);
            found.Add(s);
        }
    }

    /// <summary>The deal as stored now: its row's version, then the cached state of that version or its events folded.</summary>
    public async Task<DealState?> LoadAsync(Guid dealId, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        object? version;
        await using (var cmd = db.Database.GetDbConnection().CreateCommand())
        {
            cmd.CommandText = """SELECT "Version" FROM "Deals" WHERE "Id" = @deal""";
            cmd.With("@deal", _sql.Id(dealId));
            version = await cmd.ExecuteScalarAsync(ct);
        }
        if (version is null or DBNull) return null;
        return (await LoadManyAsync([(dealId, Convert.ToInt32(version, CultureInfo.InvariantCulture))], ct)).SingleOrDefault();
    }

    public Task SaveAsync(DealTransition t, CancellationToken ct = default) => SaveAllAsync([t], ct);

    /// <summary>
    /// Writes transitions in one transaction: all or none. A deal that changed since it was read fails the whole
    /// batch (e.g. migrating deals to a new flow version must not stop half-way).
    /// </summary>
    public Task SaveAllAsync(IReadOnlyList<DealTransition> transitions, CancellationToken ct = default) =>
        SaveAllAsync([.. transitions.Select(t => (t, (IReadOnlyList<RowStatement>)[]))], ct);

    /// <summary>
    /// As above, each transition with rows to commit alongside it whose second insert is a no-op (e.g. the reminder
    /// mails of fired due items).
    /// </summary>
    public async Task SaveAllAsync(IReadOnlyList<(DealTransition Transition, IReadOnlyList<RowStatement> AlsoWrite)> writes, CancellationToken ct = default)
    {
        if (writes.Count == 0) return; // no empty write transaction, and the portal's caches stay valid
        try
        {
            await writer.WriteAsync([.. writes.Select(w => DealWrite.For(w.Transition, Notices(w.Transition), w.AlsoWrite, _sql))], ct);
        }
        catch
        {
            foreach (var w in writes) cache.Remove(w.Transition.After.Id);
            throw;
        }
        finally
        {
            stamp.Changed(); // the portal's short-lived caches (Caching/PortalCache) start over
        }
        foreach (var w in writes) cache.Put(w.Transition.After);
    }

    private IEnumerable<DealNotice> Notices(DealTransition t) =>
        noticeRules.Select(rule => rule.NoticeFor(t)).OfType<DealNotice>();
}
