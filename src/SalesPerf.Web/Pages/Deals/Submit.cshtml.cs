using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Files;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>
/// The current stage's deliverable form, generated from its completion criteria. A late stage needs a delay reason
/// (recorded first, on the same form). Uploads survive a failed validation as "kept" files. Only the deal's rep submits.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class SubmitModel(RequestAccess access, DealService deals, FlowCatalog flows, FileStore files, SalesPerfDbContext db,
    IValidator<DelayForm> delayRules, Loc l, TimeProvider clock) : PageModel
{
    [BindProperty] public DelayForm Delay { get; set; } = new();

    public DealState Deal { get; private set; } = null!;
    public Stage Stage { get; private set; } = null!;
    public DeliverableForm Form { get; private set; } = new();
    public Dictionary<Guid, string> KeptNames { get; } = [];
    public bool DelayRequired { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var scope = await access.GetAsync(ct);
        Form = DeliverableForm.Read(Request.Form, Stage);

        if (DelayRequired)
        {
            var check = await delayRules.ValidateAsync(Delay, ct);
            if (!check.IsValid) check.AddTo(ModelState, nameof(Delay));
        }
        foreach (var field in Stage.Criteria.Where(f => f.Type == FieldType.File))
            foreach (var upload in Request.Form.Files.GetFiles($"f.{field.Key}").Where(f => f.Length > 0 || f.FileName.Length > 0))
            {
                if (await UploadCheck.ProblemAsync(upload, field, l, ct) is { } problem) { ModelState.AddModelError(field.Key, problem); continue; }
                var saved = await files.SaveAsync(id, field.Key, upload, scope.UserId, field.AllowedFileTypes, ct);
                if (saved.Error is { } error) ModelState.AddModelError(field.Key, error);
                else Form.Kept[field.Key].Add(saved.File!.Id);
            }
        var rules = new DeliverableFormValidator(Stage, l).Validate(Form);
        foreach (var e in rules.Errors.Where(e => !ModelState.ContainsKey(e.PropertyName) || ModelState[e.PropertyName]!.Errors.Count == 0))
            ModelState.AddModelError(e.PropertyName, e.ErrorMessage);
        if (!ModelState.IsValid) return await RedisplayAsync(ct);

        if (DelayRequired)
        {
            var delay = await deals.ExecuteAsync(id, new RecordDelayReason(Delay.Reason!, Delay.Attribution!.Value), scope, ct);
            if (delay.Error is { } e) { Error = ErrorText.For(e, l); return await RedisplayAsync(ct); }
        }
        var submitted = await files.ResolveAsync(id, Form.Kept.Values.SelectMany(v => v), ct);
        var deliverable = new Deliverable(Form.Values, Form.Checked.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value), submitted);
        var outcome = await deals.ExecuteAsync(id, new SubmitDeliverable(Stage.Key, deliverable), scope, ct);
        if (outcome.Error is { } error2)
        {
            Error = ErrorText.For(error2, l);
            foreach (var (field, message) in ErrorText.Fields(error2, l)) ModelState.AddModelError(field, message);
            return await RedisplayAsync(ct);
        }
        TempData["Done"] = l["Submitted for approval."];
        return Redirect($"/Deals/{id}");
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        var ids = Form.Kept.Values.SelectMany(v => v).ToList();
        foreach (var f in await db.UploadedFiles.AsNoTracking().Where(f => f.DealId == Deal.Id && ids.Contains(f.Id)).ToListAsync(ct))
            KeptNames[f.Id] = f.FileName;
        Error ??= l["Please correct the marked fields."];
        return Page();
    }

    /// <summary>null when the form may be shown; else 404 (not visible), 403 (not the rep) or back to the deal (nothing to submit).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (await deals.GetAsync(id, scope, ct) is not { } deal) return NotFound();
        if (deal.RepId != scope.UserId) return Forbid();
        Deal = deal;
        if (deal.Status != DealStatus.Active || deal.Current is not { Status: StageRunStatus.Open } run) return Redirect($"/Deals/{id}");
        Stage = (await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct))[run.StageKey];
        DelayRequired = run.IsOverdueAt(clock.GetUtcNow()) && deal.LatestDelayFor(run) is null;
        foreach (var f in Stage.Criteria.Where(f => f.Type == FieldType.File)) Form.Kept[f.Key] = [];
        return null;
    }
}
