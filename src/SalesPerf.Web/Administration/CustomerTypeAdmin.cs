using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Administration;

public sealed record CustomerTypeRow(CustomerTypeRecord Type, int Deals);

/// <summary>Customer types: add, rename, reorder, archive (hidden from new deals, kept on old ones), delete an unused one.</summary>
public sealed partial class CustomerTypeAdmin(SalesPerfDbContext db, CustomerTypeNames names, Loc l)
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,49}$")]
    private static partial Regex KeyPattern();

    public async Task<IReadOnlyList<CustomerTypeRow>> ListAsync(CancellationToken ct = default)
    {
        var types = await new CustomerTypeCatalog(db).AllAsync(ct);
        var counts = await db.Deals.GroupBy(d => d.CustomerType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return types.Select(t => new CustomerTypeRow(t, counts.GetValueOrDefault(t.Key))).ToList();
    }

    public async Task<string?> AddAsync(string? key, string? nameZh, string? nameEn, int sortOrder, CancellationToken ct = default)
    {
        key = key?.Trim() ?? "";
        if (!KeyPattern().IsMatch(key)) return l["The key is a short code of letters, digits, - or _ that starts with a letter (e.g. dataCenter)."];
        if (await db.CustomerTypes.AnyAsync(t => t.Key == key, ct)) return l["There is already a customer type with the key {0}.", key];
        if (CheckNames(nameZh, nameEn) is { } bad) return bad;
        db.CustomerTypes.Add(new CustomerTypeRecord { Key = key, NameZh = nameZh!.Trim(), NameEn = nameEn!.Trim(), SortOrder = sortOrder });
        await db.SaveChangesAsync(ct);
        names.Invalidate();
        return null;
    }

    public async Task<string?> UpdateAsync(string key, string? nameZh, string? nameEn, int sortOrder, bool archived, CancellationToken ct = default)
    {
        var type = await db.CustomerTypes.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (type is null) return l["That customer type no longer exists."];
        if (CheckNames(nameZh, nameEn) is { } bad) return bad;
        if (archived && !type.Archived && await db.CustomerTypes.CountAsync(t => !t.Archived, ct) <= 1)
            return l["Keep at least one active customer type."];
        (type.NameZh, type.NameEn, type.SortOrder, type.Archived) = (nameZh!.Trim(), nameEn!.Trim(), sortOrder, archived);
        await db.SaveChangesAsync(ct);
        names.Invalidate();
        return null;
    }

    public async Task<string?> DeleteAsync(string key, CancellationToken ct = default)
    {
        var type = await db.CustomerTypes.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (type is null) return l["That customer type no longer exists."];
        var used = await db.Deals.CountAsync(d => d.CustomerType == key, ct);
        if (used > 0) return l["{0} deal(s) use this type: archive it instead (it then stays on those deals but is not offered for new ones).", used];
        if (!type.Archived && await db.CustomerTypes.CountAsync(t => !t.Archived, ct) <= 1) return l["Keep at least one active customer type."];
        db.CustomerTypes.Remove(type);
        await db.SaveChangesAsync(ct);
        names.Invalidate();
        return null;
    }

    private string? CheckNames(string? zh, string? en)
    {
        if (string.IsNullOrWhiteSpace(zh) || string.IsNullOrWhiteSpace(en)) return l["Enter the name in Chinese and in English."];
        if (zh.Trim().Length > 100 || en.Trim().Length > 100) return l["A name may be at most 100 characters."];
        return null;
    }
}
