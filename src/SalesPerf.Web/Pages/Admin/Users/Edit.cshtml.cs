using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Admin.Users;

/// <summary>One user: name, role, team (with the history of their teams), language and the time zone of their mails; lock or unlock; set a new password (shown once).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(UserAdmin admin, TeamAdmin teams, SalesPerf.Web.Flows.CalendarProvider calendars, SalesPerf.Web.Persistence.SalesPerfDbContext db, Loc l) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Rep;
    [BindProperty] public Guid? TeamId { get; set; }
    [BindProperty] public string Culture { get; set; } = "zh-CN";
    [BindProperty] public string? TimeZone { get; set; }
    public string CompanyTimeZone => calendars.Zone.Id;
    public UserRow Person { get; private set; } = null!;
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    /// <summary>The person's teams with their dates, latest first.</summary>
    public IReadOnlyList<SalesPerf.Web.Membership.MembershipRow> History { get; private set; } = [];
    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ShowStored();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var errors = await admin.UpdateAsync(Id, Name, Role, TeamId, Culture, TimeZone, ct);
        if (errors.Count == 0)
        {
            Done = l["Saved."];
            return RedirectToPage(new { id = Id });
        }
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostLockAsync(bool locked, CancellationToken ct) =>
        Finish(admin.SetLockedAsync(Id, locked, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct),
            l[locked ? "Locked: they can no longer sign in." : "Unlocked: they can sign in again."], new { id = Id });

    /// <summary>A refused password goes the usual redirect way; a set one is shown on this response only, never stored.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? password, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var (set, error) = await admin.ResetPasswordAsync(Id, password, ct);
        if (error is not null)
        {
            Failed = error;
            return RedirectToPage(new { id = Id });
        }
        ShowStored();
        NewPassword = set;
        return Page();
    }

    private void ShowStored() => (Name, Role, TeamId, Culture, TimeZone) = (Person.Name, Person.Role, Person.TeamId, Person.Culture, Person.TimeZone);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await admin.GetAsync(Id, ct) is not { } user) return false;
        Person = user;
        Teams = await teams.ListAsync(ct);
        History = await SalesPerf.Web.Membership.MembershipHistory.HistoryAsync(db, Id, ct);
        return true;
    }
}
