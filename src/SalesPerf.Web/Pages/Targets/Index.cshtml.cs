using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Pages.Targets;

/// <summary>
/// Targets for a metric and period: an admin sets the company's and splits it to teams (and may open any team's split to
/// reps); a manager splits their team's to reps and decides proposals; a rep sees their own targets and the headline.
/// </summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, TargetBoardQuery board, TargetService service, TargetAccess targetAccess, Persistence.SalesPerfDbContext db, Loc l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Metric { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodToken { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Team { get; set; }
    [TempData] public string? Message { get; set; }

    public string MetricKey { get; private set; } = TargetMetrics.ContractValue;
    public TargetPeriod Period { get; private set; } = null!;
    public IReadOnlyList<TargetPeriod> PeriodChoices { get; private set; } = [];
    public AccessScope Scope { get; private set; } = null!;
    public TargetSplitView? CompanySplit { get; private set; }
    public List<TargetSplitView> TeamSplits { get; } = [];
    public List<(Guid Id, string Name)> TeamChoices { get; } = [];
    public List<TargetRecord> Headline { get; private set; } = [];
    public List<ProposalLine> Pending { get; private set; } = [];
    public List<RepTargetCard> Mine { get; private set; } = [];
    public Dictionary<string, string> TeamNames { get; } = [];

    /// <summary>Which form failed ("company", or the parent owner of a split), its field errors and the values typed, shown again.</summary>
    public string? FailedForm { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public Dictionary<string, string> Typed { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Resolve()) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCompanyAsync(string? value, CancellationToken ct)
    {
        if (!Resolve()) return NotFound();
        var scope = await access.GetAsync(ct);
        var (ok, v) = TargetForm.Number(value);
        var result = !ok ? TargetResult.Invalid("value", "Enter a number.")
            : await service.SetAsync(scope, TargetLevels.Company, TargetLevels.CompanyOwner, MetricKey, Period, v, ct);
        return await AfterAsync(result, "company", new Dictionary<string, string> { ["value"] = value ?? "" }, ct);
    }

    public async Task<IActionResult> OnPostChildrenAsync(string parentLevel, string parentOwner, string? mode, CancellationToken ct)
    {
        if (!Resolve()) return NotFound();
        var scope = await access.GetAsync(ct);
        var typed = Request.Form.Keys.Where(k => k.StartsWith("v:") || k.StartsWith("w:")).ToDictionary(k => k, k => (string?)Request.Form[k] ?? "");
        var errors = new Dictionary<string, string>();
        var values = new List<ChildValue>();
        var weights = new Dictionary<string, decimal>();
        var splitMode = mode switch { "even" => SplitMode.Evenly, "weight" => SplitMode.ByWeight, _ => SplitMode.Typed };
        foreach (var (key, text) in typed.Where(p => p.Key.StartsWith("v:")))
        {
            var (ok, v) = TargetForm.Number(text);
            if (!ok && splitMode == SplitMode.Typed) errors[key] = "Enter a number.";
            values.Add(new ChildValue(key[2..], v));
        }
        if (splitMode == SplitMode.ByWeight)
        {
            foreach (var (key, text) in typed.Where(p => p.Key.StartsWith("w:")))
            {
                var (ok, w) = TargetForm.Number(text);
                if (!ok || w is null || w < 0) errors[key] = "A weight of 0 or more.";
                else weights[key[2..]] = w.Value;
            }
        }
        var result = errors.Count > 0 ? TargetResult.Invalid(errors)
            : await service.SaveChildrenAsync(scope, parentLevel, parentOwner, MetricKey, Period, values, splitMode, weights, ct);
        return await AfterAsync(result, parentOwner, typed, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(string parentLevel, string parentOwner, CancellationToken ct)
    {
        if (!Resolve()) return NotFound();
        var result = await service.ApproveSplitAsync(await access.GetAsync(ct), parentLevel, parentOwner, MetricKey, Period, ct);
        return await AfterAsync(result, parentOwner, [], ct);
    }

    private async Task<IActionResult> AfterAsync(TargetResult result, string form, Dictionary<string, string> typed, CancellationToken ct)
    {
        if (result.Failure == TargetFailure.NotFound) return NotFound();
        if (result.Ok)
        {
            Message = result.Note is null ? l["Saved."] : l[result.Note, result.NoteArgs ?? []];
            return RedirectToPage(null, new { metric = MetricKey, period = Period.Token, team = Team });
        }
        FailedForm = form;
        foreach (var (k, v) in result.Errors) Errors[k] = l[v];
        foreach (var (k, v) in typed) Typed[k] = v;
        if (result.Failure == TargetFailure.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
        if (result.Failure == TargetFailure.Conflict) Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    private bool Resolve()
    {
        var today = service.Today;
        PeriodChoices = TargetForm.Choices(today);
        if (string.IsNullOrWhiteSpace(PeriodToken)) Period = TargetPeriod.Containing(today, TargetPeriodKinds.Quarter);
        else if (TargetPeriod.Parse(PeriodToken) is { } p) Period = p;
        else return false;
        if (!string.IsNullOrWhiteSpace(Metric))
        {
            if (TargetMetrics.Find(Metric) is null) return false;
            MetricKey = Metric;
        }
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await access.GetAsync(ct);
        Headline = await board.HeadlineAsync(Scope, Period, ct);
        var teams = await targetAccess.ManagedTeamsAsync(Scope, ct);
        foreach (var t in teams) TeamNames[t.Id.ToString("D")] = t.Name;
        if (Scope.IsAdmin)
        {
            CompanySplit = await board.SplitAsync(Scope, new TargetOwner(TargetLevels.Company, TargetLevels.CompanyOwner, l["Company"]), MetricKey, Period, ct);
            TeamChoices.AddRange(teams.Select(t => (t.Id, t.Name)));
            var shown = teams.FirstOrDefault(t => t.Id == Team) ?? teams.FirstOrDefault();
            if (shown is not null) TeamSplits.Add(await board.SplitAsync(Scope, new TargetOwner(TargetLevels.Team, shown.Id.ToString("D"), shown.Name), MetricKey, Period, ct));
        }
        else
        {
            foreach (var t in teams) TeamSplits.Add(await board.SplitAsync(Scope, new TargetOwner(TargetLevels.Team, t.Id.ToString("D"), t.Name), MetricKey, Period, ct));
            foreach (var id in await targetAccess.TeamIdsAsync(Scope, ct))
                if (!TeamNames.ContainsKey(id) && Guid.TryParse(id, out var g)) TeamNames[id] = await TeamNameAsync(g, ct);
        }
        Pending = await board.PendingForAsync(Scope, ct);
        if (Scope.Roles.Contains(Roles.Rep) && await board.RepAsync(Scope, Scope.UserId, Period, ct) is { } mine) Mine = mine.Cards;
    }

    private async Task<string> TeamNameAsync(Guid id, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Teams.Where(t => t.Id == id).Select(t => t.Name), ct) ?? "—";
}
