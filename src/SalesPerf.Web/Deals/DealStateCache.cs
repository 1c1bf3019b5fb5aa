using System.Collections.Concurrent;
using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Deals;

/// <summary>
/// Recently used deal states by id. Events stay the truth: a cached state is used only when the deal row's
/// version (its event count) in the database still equals the cached state's version, so another app node's
/// write simply causes a re-fold. Bounded: when full, it starts over.
/// </summary>
public sealed class DealStateCache(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<Guid, DealState> _states = new();

    public DealState? Get(Guid dealId, int currentVersion) =>
        _states.TryGetValue(dealId, out var state) && state.Version == currentVersion ? state : null;

    /// <summary>Whatever is cached, unverified.</summary>
    public DealState? Get(Guid dealId) => _states.TryGetValue(dealId, out var state) ? state : null;

    public void Remove(Guid dealId) => _states.TryRemove(dealId, out _);

    public void Put(DealState state)
    {
        if (_states.Count >= capacity) _states.Clear();
        _states[state.Id] = state;
    }
}
