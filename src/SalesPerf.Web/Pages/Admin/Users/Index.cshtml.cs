using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Export;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Admin.Users;

/// <summary>Every user with role, team, language and lock state; a quick-add form (adding a rep takes under a minute).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(UserAdmin admin, TeamAdmin teams, Loc l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty] public NewUserForm New { get; set; } = new();
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    /// <summary>Set right after an add: the new person's sign-in, shown once.</summary>
    public (string Name, string Email, string Password)? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (user, password, errors) = await admin.CreateAsync(New, ct);
        foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(New)}.{field}", message);
        if (user is not null)
        {
            Created = (user.DisplayName, user.Email!, password!);
            ModelState.Clear();
            New = new NewUserForm { Role = New.Role, TeamId = New.TeamId, Culture = New.Culture };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await admin.ListAsync(Search, ct);
        return ExcelExport.File("users", rows,
            (l["Name"], u => u.Name), (l["Email"], u => u.Email), (l["Role"], u => l[RoleName(u.Role)]), (l["Team"], u => u.TeamName),
            (l["Language"], u => u.Culture), (l["Locked"], u => u.LockedOut ? l["Yes"] : l["No"]));
    }

    public static string RoleName(string role) => role switch
    {
        Roles.Rep => "Sales rep",
        Roles.Manager => "Manager",
        Roles.Admin => "Administrator",
        Roles.Hr => "HR",
        _ => role,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await admin.ListAsync(Search, ct);
        Teams = await teams.ListAsync(ct);
    }
}
