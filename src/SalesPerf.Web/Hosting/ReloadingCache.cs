namespace SalesPerf.Web.Hosting;

/// <summary>
/// A small value loaded from the database and shared by the whole process (the holiday calendar, the customer types).
/// An edit made on this node calls <see cref="Invalidate"/>, so the next read loads it again; an edit made on another
/// app node is picked up once the value is older than <c>maxAge</c> (on <see cref="TimeProvider"/>). While one caller
/// reloads an aged value, concurrent callers keep using it instead of all querying at once.
/// </summary>
public sealed class ReloadingCache<T>(TimeProvider clock, TimeSpan maxAge) where T : class
{
    private sealed record Entry(T Value, DateTimeOffset LoadedAt);

    private readonly Lock _gate = new();
    private Entry? _entry;
    private long _generation;
    private int _reloading;

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct = default)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is null) return await LoadAsync(load, ct);
        if (clock.GetUtcNow() - entry.LoadedAt < maxAge) return entry.Value;
        if (Interlocked.Exchange(ref _reloading, 1) == 1) return entry.Value; // someone is reloading it right now
        try { return await LoadAsync(load, ct); }
        finally { Volatile.Write(ref _reloading, 0); }
    }

    /// <summary>Drops the value: the next read loads it again (call after this node changed what it was loaded from).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _entry = null;
        }
    }

    private async Task<T> LoadAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        long generation;
        lock (_gate) generation = _generation;
        var startedAt = clock.GetUtcNow(); // an edit committed while the query runs is picked up by the next reload
        var value = await load(ct);
        lock (_gate)
        {
            // An Invalidate while loading means this value may predate the edit: hand it out once but do not keep it.
            if (_generation == generation) _entry = new Entry(value, startedAt);
        }
        return value;
    }
}
