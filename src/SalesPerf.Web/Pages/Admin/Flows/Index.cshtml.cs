using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Designer;
using SalesPerf.Web.Designer.Definitions;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Admin.Flows;

/// <summary>The admin's flows list: versions, validation, running deals; create, duplicate, import, export, publish.</summary>
[Authorize(Policy = DesignerRegistration.AdminPolicy)]
public sealed class IndexModel(SalesPerfDbContext db, FlowDefinitionStore store, Loc l) : PageModel
{
    private const long MaxImportBytes = 2 * 1024 * 1024;

    public List<FlowLine> Flows { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<FlowError> ProblemErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Flows = await FlowsOverview.LoadAsync(db, ct);

    public async Task<IActionResult> OnGetExportAsync(string id, int? version, CancellationToken ct)
    {
        var selector = version is { } v ? new VersionSelector(VersionKind.Specific, v) : VersionSelector.Latest;
        return await store.FindAsync(id, selector, ct) is { } row
            ? File(Encoding.UTF8.GetBytes(DefinitionDocument.Export(row)), "application/json", $"{row.DefinitionId}.json")
            : NotFound();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var result = await store.SaveAsync(StarterFlow.Model(string.IsNullOrWhiteSpace(name) ? "New flow" : name.Trim()), publish: false, checkStale: false, ct);
        return result.Succeeded ? RedirectToPage("Edit", new { id = result.Row!.DefinitionId }) : await ShowAsync(result, null, ct);
    }

    public async Task<IActionResult> OnPostDuplicateAsync(string id, CancellationToken ct)
    {
        var result = await store.DuplicateAsync(id, ct);
        return result.Succeeded ? Done(l["Duplicated as '{0}' (a draft).", result.Row!.DefinitionId]) : await ShowAsync(result, id, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        var result = await store.PublishAsync(id, ct);
        if (result.Succeeded) return Done(l["'{0}' version {1} is published.", id, result.Row!.Version]);
        return result is { Problem: DefinitionProblem.Invalid, Row: { } row }
            ? await ShowAsync(l["Version {0} has problems and was not published: fix them in the designer first.", row.Version], ct, result.Errors)
            : await ShowAsync(result, id, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await ShowAsync(l["Choose a flow file (.json) to import."], ct);
        if (file.Length > MaxImportBytes) return await ShowAsync(l["The file is larger than 2 MB: it is not a flow definition."], ct);
        JsonObject? model;
        try
        {
            await using var stream = file.OpenReadStream();
            model = await JsonNode.ParseAsync(stream, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException e)
        {
            return await ShowAsync(l["'{0}' is not valid JSON (line {1}).", file.FileName, (e.LineNumber ?? 0) + 1], ct);
        }
        if (model is null) return await ShowAsync(l["'{0}' is not a flow definition (a JSON object).", file.FileName], ct);
        var result = await store.ImportAsync(model, ct);
        return result.Succeeded
            ? Done(l["Imported '{0}' as draft version {1}: open it to check and publish.", result.Row!.DefinitionId, result.Row.Version])
            : await ShowAsync(result, null, ct);
    }

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage();
    }

    /// <summary>A failed store command: its message in the user's language where the portal has it (ids and versions stay as they are).</summary>
    private Task<IActionResult> ShowAsync(DefinitionResult result, string? id, CancellationToken ct) =>
        ShowAsync(result.Problem == DefinitionProblem.NotFound && id is not null ? l["There is no flow '{0}'.", id] : l[result.Message ?? "The request failed."],
            ct, result.Errors);

    private async Task<IActionResult> ShowAsync(string problem, CancellationToken ct, IReadOnlyList<FlowError>? errors = null)
    {
        Problem = problem;
        ProblemErrors = errors ?? [];
        Flows = await FlowsOverview.LoadAsync(db, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
