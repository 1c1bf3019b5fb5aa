using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Pages.Deals;

namespace SalesPerf.Web.Pages.Approvals;

/// <summary>The approvals inbox: open submissions with their deliverables; approve, send back with a comment, or approve several at once.</summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed class IndexModel(RequestAccess access, ApprovalQueue queue, DealService deals, IValidator<DecisionForm> sendBackRules, Loc l,
    Administration.CustomerTypeNames customerTypes) : PageModel
{
    public IReadOnlyList<PendingItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    [TempData] public string? Done { get; set; }
    [TempData] public string? Failed { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => (Items, Total) = await queue.ListAsync(await access.GetAsync(ct), ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var types = await customerTypes.GetAsync(ct);
        return Export.ExcelExport.File("approvals", Items,
            (l["Deal"], i => i.Deal.Title), (l["Customer"], i => i.Deal.Customer), (l["Customer type"], i => types.Name(i.Deal.CustomerType)), (l["Rep"], i => i.RepName), (l["Stage"], i => l.Pick(i.Stage.Name)),
            (l["Submission"], i => i.Submission.SubmissionNo), (l["Submitted"], i => l.Time(i.Submission.SubmittedAt)), (l["Late"], i => i.Late ? l["Yes"] : l["No"]));
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid dealId, int submissionNo, string? decision, string? comment, string? toStageKey, string? returnUrl,
        bool confirmDelay, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        DealOutcome outcome;
        if (decision == "sendback")
        {
            var check = await sendBackRules.ValidateAsync(new DecisionForm { SubmissionNo = submissionNo, Comment = comment, ToStageKey = toStageKey }, ct);
            if (!check.IsValid)
            {
                Failed = string.Join(" ", check.Errors.Select(e => e.ErrorMessage));
                return Back(returnUrl);
            }
            outcome = await deals.ExecuteAsync(dealId, new SendBackSubmission(submissionNo, comment!.Trim(), string.IsNullOrEmpty(toStageKey) ? null : toStageKey), scope, ct);
        }
        else outcome = await deals.ApproveAsync(dealId, submissionNo, comment, confirmDelay, scope, ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Error is { } error) Failed = ErrorText.For(error, l);
        else Done = l[decision == "sendback" ? "Sent back to the rep." : "Approved."];
        return Back(returnUrl);
    }

    public async Task<IActionResult> OnPostBatchAsync(List<string>? selected, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        int ok = 0, failed = 0;
        foreach (var item in selected ?? [])
        {
            var parts = item.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !int.TryParse(parts[1], out var no)) { failed++; continue; }
            var outcome = await deals.ExecuteAsync(id, new ApproveSubmission(no, null), scope, ct);
            if (outcome.NotFound || outcome.Error is not null) failed++; else ok++;
        }
        Done = l["Approved {0} submission(s).", ok];
        if (failed > 0) Failed = l["{0} could not be approved (already decided or not yours).", failed];
        return RedirectToPage();
    }

    private IActionResult Back(string? returnUrl) => LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/Approvals");
}
