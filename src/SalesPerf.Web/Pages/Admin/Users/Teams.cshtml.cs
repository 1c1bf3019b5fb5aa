using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Export;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Admin.Users;

/// <summary>Teams: create, rename, set the manager, delete (moving members elsewhere first when it has any).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TeamsModel(TeamAdmin teams, Loc l) : AdminPageModel
{
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Managers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(string? name, string? managerId, CancellationToken ct) =>
        Finish(teams.CreateAsync(name, managerId, ct), l["Team {0} was created.", name?.Trim() ?? ""]);

    public Task<IActionResult> OnPostUpdateAsync(Guid id, string? name, string? managerId, CancellationToken ct) =>
        Finish(teams.UpdateAsync(id, name, managerId, ct), l["Saved."]);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, Guid? moveTo, CancellationToken ct) =>
        Finish(teams.DeleteAsync(id, moveTo, ct), l["The team was deleted."]);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        ExcelExport.File("teams", await teams.ListAsync(ct), (l["Team"], t => t.Name), (l["Manager"], t => t.ManagerName), (l["Members"], t => t.Members));

    private async Task LoadAsync(CancellationToken ct)
    {
        Teams = await teams.ListAsync(ct);
        Managers = await teams.ManagersAsync(ct);
    }
}
