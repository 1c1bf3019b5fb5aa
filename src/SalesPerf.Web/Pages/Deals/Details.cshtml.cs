using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>
/// A deal: stage timeline with every event, the current stage's guidance and criteria, the follow-up log with a quick
/// entry form, delay reasons (record; re-classify for managers). Deals the caller may not see are 404.
/// </summary>
[Authorize]
public sealed class DetailsModel(RequestAccess access, DealService deals, ViewBuilder views, FlowCatalog flows, Timeline timeline,
    IValidator<FollowUpForm> followUpRules, IValidator<DelayForm> delayRules, Loc l, TimeProvider clock) : PageModel
{
    [BindProperty] public FollowUpForm FollowUp { get; set; } = new();
    [BindProperty] public DelayForm Delay { get; set; } = new();

    public DealState Deal { get; private set; } = null!;
    public DealDetail Detail { get; private set; } = null!;
    public StageFlow Flow { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Events { get; private set; } = [];
    public AccessScope Scope { get; private set; } = null!;
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }
    /// <summary>A refusal from a form that posts elsewhere and comes back here (the approve/send-back form of the approvals inbox).</summary>
    [TempData] public string? Failed { get; set; }

    public bool IsOwner => Deal.RepId == Scope.UserId;
    public bool CanManage => Scope.CanManage(Deal.RepId) && !IsOwner;
    public bool CanAct => !Deal.IsClosed && (IsOwner || CanManage);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FollowUp.VisitedAt = l.Local(clock.GetUtcNow()).DateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = await followUpRules.ValidateAsync(FollowUp, ct);
        if (!check.IsValid) { check.AddTo(ModelState, nameof(FollowUp)); return Page(); }
        var visited = FollowUp.VisitedAt is { } local ? l.FromLocal(local) : clock.GetUtcNow();
        return await RunAsync(id, new LogFollowUp(visited, FollowUp.Content!, FollowUp.CustomerNeeds, FollowUp.NextStep, FollowUp.NextStepDate),
            nameof(FollowUp), "Follow-up saved.", "followups", ct);
    }

    public async Task<IActionResult> OnPostDelayAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsOwner) return Forbid();
        var check = await delayRules.ValidateAsync(Delay, ct);
        if (!check.IsValid) { check.AddTo(ModelState, nameof(Delay)); return Page(); }
        return await RunAsync(id, new RecordDelayReason(Delay.Reason!, Delay.Attribution!.Value), nameof(Delay), "Delay reason recorded.", "stage", ct);
    }

    public async Task<IActionResult> OnPostReclassifyAsync(Guid id, int delayNo, DelayAttribution attribution, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        return await RunAsync(id, new ReclassifyDelay(delayNo, attribution, comment), "", "Delay decided.", "delays", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string action, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsOwner && !CanManage) return Forbid();
        DealCommand command = action switch
        {
            "hold" => new HoldDeal(reason ?? ""),
            "lose" => new LoseDeal(reason ?? ""),
            _ => new ResumeDeal(),
        };
        return await RunAsync(id, command, "", "Saved.", "", ct);
    }

    private async Task<IActionResult> RunAsync(Guid id, DealCommand command, string prefix, string doneText, string anchor, CancellationToken ct)
    {
        var outcome = await deals.ExecuteAsync(id, command, Scope, ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Error is { } error)
        {
            Error = ErrorText.For(error, l);
            foreach (var (field, message) in ErrorText.Fields(error, l))
                ModelState.AddModelError(prefix.Length == 0 ? "" : $"{prefix}.{FormErrors.Field(field)}", message);
            if (prefix.Length == 0 && error.Fields is { Count: > 0 }) Error += " " + string.Join(" ", ErrorText.Fields(error, l).Select(f => f.Message));
            return Page();
        }
        Done = l[doneText];
        return Redirect($"/Deals/{id}" + (anchor.Length > 0 ? "#" + anchor : ""));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Scope = await access.GetAsync(ct);
        if (await deals.GetAsync(id, Scope, ct) is not { } deal) return false;
        Deal = deal;
        Flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
        Detail = await views.DetailAsync(deal, ct);
        Events = await timeline.ForAsync(id, Flow, ct);
        return true;
    }
}
