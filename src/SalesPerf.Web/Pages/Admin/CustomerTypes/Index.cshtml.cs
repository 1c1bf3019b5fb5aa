using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Export;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Admin.CustomerTypes;

/// <summary>The customer types deals are filed under: add, rename, reorder, archive, delete when unused.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(CustomerTypeAdmin types, Loc l) : AdminPageModel
{
    public IReadOnlyList<CustomerTypeRow> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Types = await types.ListAsync(ct);

    public Task<IActionResult> OnPostAddAsync(string? key, string? nameZh, string? nameEn, int sortOrder, CancellationToken ct) =>
        Finish(types.AddAsync(key, nameZh, nameEn, sortOrder, ct), l["Customer type {0} was added.", key?.Trim() ?? ""]);

    public Task<IActionResult> OnPostUpdateAsync(string key, string? nameZh, string? nameEn, int sortOrder, bool archived, CancellationToken ct) =>
        Finish(types.UpdateAsync(key, nameZh, nameEn, sortOrder, archived, ct), l["Saved."]);

    public Task<IActionResult> OnPostDeleteAsync(string key, CancellationToken ct) =>
        Finish(types.DeleteAsync(key, ct), l["Customer type {0} was deleted.", key]);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        ExcelExport.File("customer-types", await types.ListAsync(ct),
            (l["Key"], t => t.Type.Key), (l["Name (Chinese)"], t => t.Type.NameZh), (l["Name (English)"], t => t.Type.NameEn),
            (l["Order"], t => t.Type.SortOrder), (l["Archived"], t => t.Type.Archived ? l["Yes"] : l["No"]), (l["Deals"], t => t.Deals));
}
