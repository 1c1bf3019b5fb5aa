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
    FlowCatalog flows, CalendarToday today, SalesPerf.Web.Disputes.DisputeService disputes, Localization.Loc l) : PageModel
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
    public IReadOnlyList<SalesPerf.Web.Disputes.ScoreDisputeRecord> Disputes { get; private set; } = [];
    /// <summary>The rep looks at their own score (and may question its lines).</summary>
    public bool IsOwnPage { get; private set; }
    /// <summary>The viewer is the rep's manager or an admin (and answers the rep's questions).</summary>
    public bool CanAnswer { get; private set; }
    public string? DisputeMessage { get; private set; }
    public bool DisputeFailed { get; private set; }
    private AccessScope? _scope;
    private EvaluationPeriod? _period;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = _scope = await access.GetAsync(ct);
        var rep = string.IsNullOrEmpty(Rep) ? scope.UserId : Rep;
        if (!scope.CanSee(rep)) return NotFound();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == rep).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        if (user is null) return NotFound();
        RepName = user;
        Rep = rep;
        var period = ReportPicker.Month(Month) ?? ReportPeriod.Month(today.Date.Year, today.Date.Month);
        Month = period.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        _period = period;
        IsOwnPage = rep == scope.UserId;
        CanAnswer = scope.CanManage(rep) && !IsOwnPage;
        Disputes = await disputes.ForRepAsync(scope, rep, period, ct);
        if (TempData["dispute"] is string done) DisputeMessage = l[done];
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

    /// <summary>The rep questions a line of their own evaluation for the month on the page.</summary>
    public async Task<IActionResult> OnPostDisputeAsync(string? kind, string? key, string? text, Guid? dealId, int? eventSequence, string? question, CancellationToken ct)
    {
        Rep = null;
        if (await OnGetAsync(ct) is not PageResult) return NotFound();
        var result = await disputes.AskAsync(_scope!, _period!, new(kind ?? "", key ?? "", text ?? "", dealId, eventSequence), question, ct);
        return Done(result, "Your question was sent to your manager.");
    }

    /// <summary>The manager answers a question, optionally correcting the score on the deal by some points.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, Guid? dealId, string? points, CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult) return NotFound();
        SalesPerf.Web.Disputes.DisputeCorrection? correction = null;
        if (!string.IsNullOrWhiteSpace(points))
        {
            if (dealId is null || !decimal.TryParse(points, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p))
                return Failed("Enter the points as a number, e.g. 4 or -2.");
            correction = new(dealId.Value, p);
        }
        var result = await disputes.AnswerAsync(_scope!, id, answer, correction, ct);
        return result.Error == SalesPerf.Web.Disputes.DisputeError.NotFound ? NotFound() : Done(result, "Answer sent.");
    }

    private IActionResult Done(SalesPerf.Web.Disputes.DisputeResult result, string success)
    {
        if (result.Error == SalesPerf.Web.Disputes.DisputeError.Forbidden) return Forbid();
        if (!result.Ok) return Failed(result.Message ?? "Something went wrong.");
        TempData["dispute"] = success;
        return Redirect($"/Score?rep={Uri.EscapeDataString(Rep ?? "")}&month={Month}#disputes");
    }

    private PageResult Failed(string message)
    {
        DisputeMessage = l[message];
        DisputeFailed = true;
        Response.StatusCode = 400;
        return Page();
    }

    public DisputeFormView TotalForm() => new("total", "total", l["Total {0}", ReportPicker.S(Evaluation.TotalScore)], Month!);

    public DisputeFormView FormFor(IndicatorResult i) =>
        new("indicator", i.Key, $"{i.Name}: {i.DisplayValue} → {ReportPicker.S(i.Score, i.Scored)}", Month!);

    public DisputeFormView FormFor(DeductionLine x) =>
        new("deduction", $"deal:{x.DealId}:{x.EventSequence}", $"{x.DealTitle} · {x.StageName}: {x.Points.ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture)} · {x.Inputs}",
            Month!, x.DealId, x.EventSequence);

    public DisputeFormView FormFor(DelayLine x) =>
        new("delay", $"deal:{x.DealId}:{x.EventSequence}", $"{x.DealTitle} · {x.StageName}: {x.Reason} — {x.Attribution}", Month!, x.DealId, x.EventSequence);

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
