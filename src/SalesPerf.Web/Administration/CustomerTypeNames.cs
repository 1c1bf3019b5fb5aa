using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Administration;

/// <summary>
/// The customer type catalog as the pages show it: a deal's type key → its name in the viewer's language, and the active
/// types for new deals. Kept by the process (the catalog is a handful of rows): the admin page's edits drop it at once;
/// another node's edits count here at most <see cref="MaxAge"/> later.
/// </summary>
public sealed class CustomerTypeNames(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ReloadingCache<CustomerTypeList> _cache = new(clock, MaxAge);

    public async Task<CustomerTypeList> GetAsync(CancellationToken ct = default) => await _cache.GetAsync(LoadAsync, ct);

    /// <summary>Call after a customer type was added, renamed, archived or deleted.</summary>
    public void Invalidate() => _cache.Invalidate();

    private async Task<CustomerTypeList> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        return new CustomerTypeList(await new CustomerTypeCatalog(db).AllAsync(ct));
    }
}

/// <summary>The catalog at one moment: every type (active first, in the admins' order), looked up by key.</summary>
public sealed class CustomerTypeList
{
    private readonly Dictionary<string, CustomerTypeRecord> _byKey;

    public CustomerTypeList(IReadOnlyList<CustomerTypeRecord> all)
    {
        All = all;
        Active = all.Where(t => !t.Archived).ToList();
        _byKey = all.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<CustomerTypeRecord> All { get; }
    public IReadOnlyList<CustomerTypeRecord> Active { get; }

    /// <summary>Null when the key may be used for a new deal; else the message listing the active keys.</summary>
    public string? CheckForNewDeal(string? key) =>
        Active.Count == 0 || Active.Any(t => t.Key == key) ? null : $"Customer type must be one of: {string.Join(", ", Active.Select(t => t.Key))}";

    public CustomerTypeRecord? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var t) ? t : null;

    /// <summary>The type's name in the current UI language; a key the catalog does not know is shown as it is.</summary>
    public string Name(string? key) => Find(key) is { } t ? CustomerTypeCatalog.Name(t) : key ?? "";
}
