using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Pages.Reports;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Score;

public sealed record ScoreRow(Guid DealId, string DealTitle, int EventSequence, ScoreKind Kind, decimal Points, string Explanation, DateTimeOffset At);

/// <summary>
/// A rep's score for a month: the evaluation (the same model and total as the report, the PDF and the team board), the
/// rules that apply to the rep (weights, deduction rates and caps per stage, targets), every deduction with its rule and
/// inputs, and the points ledger the deductions come from. Reps see their own; managers their reps'.
/// </summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, SalesPerfDbContext db, ReportService reports, EvaluationSettingsStore settings,
    FlowCatalog flows, CalendarToday today, Localization.Loc l) : PageModel
{
    public const int Limit = 500;
    private bool _all; // the export has every line, the page the latest Limit

    [BindProperty(SupportsGet = true)] public string? Rep { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public string RepName { get; private set; } = "";
    public RepEvaluation Evaluation { get; private set; } = null!;
    public EvaluationWeights Weights { get; private set; } = EvaluationWeights.Default;
    public IReadOnlyList<StageFlow> Flows { get; private set; } = [];
    public IReadOnlyList<ScoreRow> Lines { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Reps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var rep = string.IsNullOrEmpty(Rep) ? scope.UserId : Rep;
        if (!scope.CanSee(rep)) return NotFound();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == rep).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (user is null) return NotFound();
        RepName = user;
        Rep = rep;
        var period = ReportPicker.Month(Month) ?? ReportPeriod.Month(today.Date.Year, today.Date.Month);
        Month = period.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var outcome = await reports.RepAsync(scope, rep, period, Localization.Loc.IsZh ? "zh-CN" : "en", ct);
        if (outcome.Value is null) return NotFound();
        Evaluation = outcome.Value;
        Weights = (await settings.LoadAsync(ct)).Weights;
        Flows = await flows.LatestPublishedAllAsync(ct);
        Lines = await db.ScoreEntries.AsNoTracking().Where(e => e.RepId == rep)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.EventSequence).Take(_all ? 1_000_000 : Limit)
            .Join(db.Deals, e => e.DealId, d => d.Id, (e, d) => new ScoreRow(e.DealId, d.Title, e.EventSequence, e.Kind, e.Points, e.Explanation, e.At))
            .ToListAsync(ct);
        if (scope.IsAdmin || scope.ManagedRepIds.Count > 0)
        {
            var ids = scope.ManagedRepIds.ToList();
            Reps = (await (scope.IsAdmin ? db.UsersInRole(Roles.Rep) : db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
        }
        return Page();
    }

    public string ReportLink => $"/Reports?pick=rep:{Uri.EscapeDataString(Rep ?? "")}&kind=month&month={Month}";

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        _all = true;
        if (await OnGetAsync(ct) is not PageResult) return NotFound();
        return Export.ExcelExport.File($"points-ledger-{RepName}", Lines,
            (l["Date"], x => l.Time(x.At)), (l["Deal"], x => x.DealTitle), (l["Event"], x => x.EventSequence), (l["Kind of line"], x => x.Kind),
            (l["Points"], x => x.Points), (l["Explanation"], x => x.Explanation));
    }
}
