using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Pages.Targets;

/// <summary>
/// One rep's targets for a period with their change logs: the rep proposes a change with a comment; their manager (or an
/// admin), never the rep, approves or rejects it with a comment and changes approved targets with a reason and a date.
/// Another rep's page is 404.
/// </summary>
[Authorize]
public sealed class RepModel(RequestAccess access, TargetBoardQuery board, TargetService service, Loc l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string RepId { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodToken { get; set; }
    [TempData] public string? Message { get; set; }

    public TargetPeriod Period { get; private set; } = null!;
    public IReadOnlyList<TargetPeriod> PeriodChoices { get; private set; } = [];
    public string RepName { get; private set; } = "";
    public List<RepTargetCard> Cards { get; private set; } = [];
    public RepCardContext Context { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid targetId, string? value, string? comment, string? effectiveFrom, CancellationToken ct)
    {
        var (okValue, v) = TargetForm.Number(value);
        var (okDate, d) = TargetForm.Date(effectiveFrom);
        var result = !okValue || v is null ? TargetResult.Invalid("value", "Enter a number.")
            : !okDate ? TargetResult.Invalid("effectiveFrom", "Give the day the change applies from (yyyy-MM-dd).")
            : await service.ProposeAsync(await access.GetAsync(ct), targetId, v, comment, d, ct);
        return await AfterAsync(result, targetId, new() { ["value"] = value ?? "", ["comment"] = comment ?? "", ["effectiveFrom"] = effectiveFrom ?? "" }, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid proposalId, Guid targetId, string? decision, string? comment, string? effectiveFrom, CancellationToken ct)
    {
        var (okDate, d) = TargetForm.Date(effectiveFrom);
        var result = decision is not ("approve" or "reject") ? TargetResult.Invalid("", "Choose approve or reject.")
            : !okDate ? TargetResult.Invalid("effectiveFrom", "Give the day the change applies from (yyyy-MM-dd).")
            : await service.DecideAsync(await access.GetAsync(ct), proposalId, decision == "approve", comment, d, ct);
        return await AfterAsync(result, targetId, new() { ["comment"] = comment ?? "", ["effectiveFrom"] = effectiveFrom ?? "" }, ct);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid targetId, string? value, string? reason, string? effectiveFrom, CancellationToken ct)
    {
        var (okValue, v) = TargetForm.Number(value);
        var (okDate, d) = TargetForm.Date(effectiveFrom);
        var result = !okValue || v is null ? TargetResult.Invalid("value", "Enter a number.")
            : !okDate ? TargetResult.Invalid("effectiveFrom", "Give the day the change applies from (yyyy-MM-dd).")
            : await service.EditAsync(await access.GetAsync(ct), targetId, v, reason, d, ct);
        return await AfterAsync(result, targetId, new() { ["value"] = value ?? "", ["reason"] = reason ?? "", ["effectiveFrom"] = effectiveFrom ?? "" }, ct);
    }

    private async Task<IActionResult> AfterAsync(TargetResult result, Guid targetId, Dictionary<string, string> typed, CancellationToken ct)
    {
        if (result.Failure == TargetFailure.NotFound || !await LoadAsync(ct)) return NotFound();
        if (result.Ok)
        {
            Message = result.Note is null ? l["Saved."] : l[result.Note, result.NoteArgs ?? []];
            return Redirect($"/Targets/Rep/{Uri.EscapeDataString(RepId)}?period={Period.Token}#t-{targetId}");
        }
        Context.FailedTarget = targetId;
        foreach (var (k, v) in result.Errors) Context.Errors[k] = l[v];
        foreach (var (k, v) in typed) Context.Typed[k] = v;
        Response.StatusCode = result.Failure switch
        {
            TargetFailure.Forbidden => StatusCodes.Status403Forbidden,
            TargetFailure.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = service.Today;
        PeriodChoices = TargetForm.Choices(today);
        if (string.IsNullOrWhiteSpace(PeriodToken)) Period = TargetPeriod.Containing(today, TargetPeriodKinds.Quarter);
        else if (TargetPeriod.Parse(PeriodToken) is { } p) Period = p;
        else return false;
        var scope = await access.GetAsync(ct);
        if (await board.RepAsync(scope, RepId, Period, ct) is not { } rep) return false;
        RepName = rep.Name;
        Cards = rep.Cards;
        Context = new RepCardContext(scope, today, Period.Token);
        return true;
    }
}
