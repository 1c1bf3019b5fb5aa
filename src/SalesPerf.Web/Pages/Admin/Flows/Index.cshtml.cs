using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Designer;
using SalesPerf.Web.Designer.Definitions;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Admin.Flows;

/// <summary>The admin's flows list: versions, validation, running deals; create, duplicate, import, export, publish.</summary>
[Authorize(Policy = DesignerRegistration.AdminPolicy)]
public sealed class IndexModel(SalesPerfDbContext db, FlowDefinitionStore store) : PageModel
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
        return result.Succeeded ? RedirectToPage("Edit", new { id = result.Row!.DefinitionId }) : await ShowAsync(result, ct);
    }

    public async Task<IActionResult> OnPostDuplicateAsync(string id, CancellationToken ct)
    {
        var result = await store.DuplicateAsync(id, ct);
        return result.Succeeded ? Done($"Duplicated as '{result.Row!.DefinitionId}' (draft) 已复制") : await ShowAsync(result, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        var result = await store.PublishAsync(id, ct);
        return result.Succeeded ? Done($"'{id}' version {result.Row!.Version} is published 已发布") : await ShowAsync(result, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await ShowAsync("Choose a flow file (.json) to import 请选择文件", ct);
        if (file.Length > MaxImportBytes) return await ShowAsync("The file is larger than 2 MB: it is not a flow definition.", ct);
        JsonObject? model;
        try
        {
            await using var stream = file.OpenReadStream();
            model = await JsonNode.ParseAsync(stream, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException e)
        {
            return await ShowAsync($"'{file.FileName}' is not valid JSON (line {e.LineNumber + 1}).", ct);
        }
        if (model is null) return await ShowAsync($"'{file.FileName}' is not a flow definition (a JSON object).", ct);
        var result = await store.ImportAsync(model, ct);
        return result.Succeeded
            ? Done($"Imported '{result.Row!.DefinitionId}' as draft version {result.Row.Version}: open it to check and publish 已导入为草稿")
            : await ShowAsync(result, ct);
    }

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage();
    }

    private Task<IActionResult> ShowAsync(DefinitionResult result, CancellationToken ct)
    {
        ProblemErrors = result.Errors ?? [];
        return ShowAsync(result.Message ?? "The request failed.", ct);
    }

    private async Task<IActionResult> ShowAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Flows = await FlowsOverview.LoadAsync(db, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
