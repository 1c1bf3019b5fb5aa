using System.Collections.Concurrent;

namespace SalesPerf.Web.Caching;

/// <summary>
/// What the portal's busiest pages computed (a viewer's access scope, their deal list, team board and dashboard
/// figures), kept for a few seconds and only while this node's <see cref="DataStamp"/> has not moved. So twenty people
/// refreshing the same board cost one computation, while a write on this node shows at once and a write on another
/// node within <see cref="Lifetime"/>. Values must be immutable: they are shared between requests.
/// </summary>
public sealed class PortalCache(DataStamp stamp, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 20_000;

    private sealed record Entry(long Stamp, DateTimeOffset At, object? Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The part of a key that says who is looking and in which language (what every page's result depends on).</summary>
    public static string Viewer(Accounts.AccessScope scope) =>
        $"{scope.UserId}|{string.Join(",", scope.Roles.Order(StringComparer.Ordinal))}|{System.Globalization.CultureInfo.CurrentUICulture.Name}";

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> load)
    {
        var now = clock.GetUtcNow();
        var current = stamp.Value; // read before loading: a write while we load makes the entry stale at once
        if (_entries.TryGetValue(key, out var entry) && entry.Stamp == current && now >= entry.At && now - entry.At < Lifetime)
            return (T)entry.Value!;
        var value = await load();
        if (_entries.Count >= MaxEntries) Trim(now);
        _entries[key] = new Entry(current, now, value);
        return value;
    }

    private void Trim(DateTimeOffset now)
    {
        var current = stamp.Value;
        foreach (var (key, entry) in _entries)
            if (entry.Stamp != current || now - entry.At >= Lifetime || now < entry.At) _entries.TryRemove(key, out _);
        if (_entries.Count >= MaxEntries) _entries.Clear();
    }
}
