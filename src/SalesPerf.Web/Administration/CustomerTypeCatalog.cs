using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Administration;

/// <summary>
/// The customer types admins maintain. Deals must use an active type once any type is configured; archived types stay
/// readable on old deals. An empty table is seeded with the demo company's types plus whatever existing deals use.
/// </summary>
public sealed class CustomerTypeCatalog(SalesPerfDbContext db)
{
    public static readonly CustomerTypeRecord[] Defaults =
    [
        new() { Key = "grid", NameZh = "电网公司", NameEn = "Grid company", SortOrder = 10 },
        new() { Key = "industrial", NameZh = "工业客户", NameEn = "Industrial", SortOrder = 20 },
        new() { Key = "newEnergy", NameZh = "新能源", NameEn = "New energy", SortOrder = 30 },
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.CustomerTypes.AnyAsync(ct)) return;
        var used = await db.Deals.Select(d => d.CustomerType).Distinct().ToListAsync(ct);
        var order = Defaults.Length * 10;
        var extra = used.Where(k => !string.IsNullOrWhiteSpace(k) && Defaults.All(d => d.Key != k))
            .Select(k => new CustomerTypeRecord { Key = k, NameZh = k, NameEn = k, SortOrder = order += 10 });
        db.CustomerTypes.AddRange(Defaults.Select(d => new CustomerTypeRecord { Key = d.Key, NameZh = d.NameZh, NameEn = d.NameEn, SortOrder = d.SortOrder }).Concat(extra));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<CustomerTypeRecord>> AllAsync(CancellationToken ct = default) =>
        await db.CustomerTypes.AsNoTracking().OrderBy(t => t.Archived).ThenBy(t => t.SortOrder).ThenBy(t => t.Key).ToListAsync(ct);

    /// <summary>An active type by key, Chinese name or English name (case-insensitive), as people write it in a spreadsheet.</summary>
    public static CustomerTypeRecord? Match(IEnumerable<CustomerTypeRecord> active, string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return null;
        return active.FirstOrDefault(x => string.Equals(x.Key, t, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(x.NameZh, t, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(x.NameEn, t, StringComparison.OrdinalIgnoreCase));
    }

    public static string Name(CustomerTypeRecord t) => Loc.IsZh ? (t.NameZh.Length > 0 ? t.NameZh : t.NameEn) : (t.NameEn.Length > 0 ? t.NameEn : t.NameZh);
}
