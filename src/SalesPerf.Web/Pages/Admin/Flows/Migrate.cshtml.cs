using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Designer;
using SalesPerf.Web.Designer.Migration;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Admin.Flows;

/// <summary>Preview, then move the running deals of an older version to the published one (all or none).</summary>
[Authorize(Policy = DesignerRegistration.AdminPolicy)]
public sealed class MigrateModel(DealMigrationService migrations, RequestAccess access, Loc l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    /// <summary>Chosen stage for each stage that no longer exists: map[oldKey] = newKey.</summary>
    [BindProperty(SupportsGet = true, Name = "map")] public Dictionary<string, string> Map { get; set; } = [];
    [BindProperty] public string? Token { get; set; }

    public string DefinitionId { get; private set; } = "";
    public MigrationPreview? Preview { get; private set; }
    public string? Error { get; private set; }
    public int? Migrated { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        DefinitionId = id;
        var outcome = await migrations.PreviewAsync(id, From, To, CleanMap(), ct);
        (Preview, Error) = (outcome.Preview, Localized(outcome.Error));
    }

    public async Task OnPostAsync(string id, CancellationToken ct)
    {
        DefinitionId = id;
        var outcome = await migrations.MigrateAsync(id, From, To ?? 0, CleanMap(), Token ?? "", await access.GetAsync(ct), ct);
        (Preview, Error) = (outcome.Preview, Localized(outcome.Error));
        if (outcome.Error is null) Migrated = outcome.Migrated;
        else Response.StatusCode = StatusCodes.Status409Conflict;
    }

    private Dictionary<string, string> CleanMap() =>
        Map.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>The migration service's fixed messages in the user's language; messages naming a flow, version or deal stay in English.</summary>
    private string? Localized(string? error) => error is null ? null : l[error];

    public string StageName(string? key, bool target) =>
        key is null ? "—" : ((target ? Preview?.To : Preview?.From)?.Find(key) is { } s ? l.Pick(s.Name) : key);
}
