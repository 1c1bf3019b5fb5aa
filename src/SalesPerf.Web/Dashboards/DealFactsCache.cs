using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Dashboards;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Dashboards;

/// <summary>
/// The dashboards' facts of each deal (<see cref="DealFacts"/>), kept per deal version. A caller passes the deals'
/// current versions (read from the deal rows in the same request), so nothing stale is ever used: a deal whose row
/// moved on is re-read from its events. Works unchanged with several app nodes; costs one pass over the events the
/// first time and a few rows per changed deal afterwards.
/// </summary>
public sealed class DealFactsCache
{
    /// <summary>The event types the facts are made of (the rest, e.g. deliverables, is not even parsed).</summary>
    // The events DealFacts reads from the one projection (submissions and fired reminders are left out: they are most of the rows).
    private static readonly string[] Types = ["created", "stageStarted", "followUpLogged", "approved", "sentBack", "delayRecorded", "delayReclassified", "delayConfirmed", "migrated", "onHold", "resumed", "won", "lost"];
    private const int FullScanThreshold = 2000;

    private readonly ConcurrentDictionary<Guid, (int Version, DealFacts Facts)> _facts = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<IReadOnlyDictionary<Guid, DealFacts>> GetAsync(SalesPerfDbContext db, IReadOnlyCollection<(Guid Id, int Version)> deals, CancellationToken ct = default)
    {
        if (Stale(deals).Count > 0)
        {
            // One loader at a time: twenty first visitors do not read the event table twenty times.
            await _loading.WaitAsync(ct);
            try
            {
                var stale = Stale(deals);
                if (stale.Count > 0) await LoadAsync(db, stale, ct);
            }
            finally
            {
                _loading.Release();
            }
        }
        var result = new Dictionary<Guid, DealFacts>(deals.Count);
        foreach (var (id, _) in deals)
            if (_facts.TryGetValue(id, out var f)) result[id] = f.Facts;
        return result;
    }

    private List<(Guid Id, int Version)> Stale(IReadOnlyCollection<(Guid Id, int Version)> deals) =>
        deals.Where(d => !_facts.TryGetValue(d.Id, out var f) || f.Version != d.Version).ToList();

    private async Task LoadAsync(SalesPerfDbContext db, List<(Guid Id, int Version)> stale, CancellationToken ct)
    {
        var versions = stale.ToDictionary(d => d.Id, d => d.Version);
        var events = db.DealEvents.AsNoTracking().Where(e => Types.Contains(e.Type));
        var rows = new List<(Guid DealId, int Sequence, string Data)>();
        if (stale.Count >= FullScanThreshold)
        {
            await foreach (var e in events.Select(e => new { e.DealId, e.Sequence, e.Data }).AsAsyncEnumerable().WithCancellation(ct))
                if (versions.ContainsKey(e.DealId)) rows.Add((e.DealId, e.Sequence, e.Data));
        }
        else
        {
            foreach (var chunk in stale.Select(s => s.Id).Chunk(500))
            {
                var ids = chunk.ToList();
                var part = await events.Where(e => ids.Contains(e.DealId)).Select(e => new { e.DealId, e.Sequence, e.Data }).ToListAsync(ct);
                rows.AddRange(part.Select(e => (e.DealId, e.Sequence, e.Data)));
            }
        }
        var byDeal = rows.GroupBy(r => r.DealId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Sequence).Select(r => DealEventSerializer.Deserialize(r.Data)));
        foreach (var (id, version) in versions)
            _facts[id] = (version, DealFacts.From(id, byDeal.GetValueOrDefault(id) ?? []));
    }
}
