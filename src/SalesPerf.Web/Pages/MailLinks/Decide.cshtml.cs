using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Notifications;

namespace SalesPerf.Web.Pages.MailLinks;

/// <summary>
/// The page behind an approval mail's link. Opening it (GET) never changes anything — mail scanners open links —
/// it shows the submission and a comment box; the decision is the POST from this page.
/// </summary>
[AllowAnonymous]
public sealed class DecideModel(MailDecisions decisions, FlowCatalog flows, IOptions<MailOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? SendBackTo { get; set; }
    [BindProperty] public bool ConfirmDelay { get; set; }
    /// <summary>The stage's delay reason no manager has decided yet (offered for confirmation with the approval).</summary>
    public DelayReason? Claim => Check.Deal is { Current: { } run } deal && deal.LatestDelayFor(run) is { Decided: false } d ? d : null;

    public LinkCheck Check { get; private set; } = new(LinkState.Malformed, null, null, null);
    public Stage? Stage { get; private set; }
    public Deliverable? Submitted { get; private set; }
    public string? Done { get; private set; }
    public string? Error { get; private set; }
    public bool NeedsSignIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string decision, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Check.State != LinkState.Usable || NeedsSignIn) return Page();
        var outcome = await decisions.DecideAsync(Check, decision == "approve", Comment, SendBackTo, ConfirmDelay, ct);
        if (outcome.Error is { } error)
        {
            Error = error.Fields?.FirstOrDefault()?.Message ?? error.Message;
            if (error.Kind == DealErrorKind.Conflict) Check = Check with { State = LinkState.Decided };
            return Page();
        }
        Done = decision == "approve" ? "approved" : "sentBack";
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Check = await decisions.CheckAsync(Token, ct);
        if (Check.Deal?.Current is { } run)
        {
            Stage = (await flows.GetAsync(Check.Deal.FlowDefinitionId, Check.Deal.FlowVersion, ct)).Find(run.StageKey);
            Submitted = run.Pending?.Deliverable;
        }
        NeedsSignIn = options.Value.ApprovalLinkRequiresSignIn && Check.Grant is { } g
                      && User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value != g.ApproverId;
    }
}
