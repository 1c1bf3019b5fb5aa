using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Designer;
using SalesPerf.Web.Designer.Definitions;
using SalesPerf.Web.Designer.Hosting;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Admin.Flows;

/// <summary>The Elsa Studio definition editor for one flow, inside the portal's layout.</summary>
[Authorize(Policy = DesignerRegistration.AdminPolicy)]
public sealed class EditModel(FlowDefinitionStore store, StudioAssets assets) : PageModel
{
    public FlowDefinitionRecord Flow { get; private set; } = null!;
    public int? PublishedVersion { get; private set; }
    public bool StudioInstalled => assets.IsInstalled;
    public string ApiEndpoint => $"{Request.Scheme}://{Request.Host}/elsa/api";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await store.FindAsync(id, VersionSelector.Latest, ct) is not { } flow) return NotFound();
        Flow = flow;
        PublishedVersion = (await store.FindAsync(id, new VersionSelector(VersionKind.Published), ct))?.Version;
        return Page();
    }
}
