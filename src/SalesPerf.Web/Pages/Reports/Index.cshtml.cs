using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Membership;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Reports;

/// <summary>
/// Evaluation reports on screen: a rep's or a team's scores for a month, quarter or custom period, each figure with how it
/// was computed, and the PDF downloads. A rep sees their own, a manager their team, HR and admins everyone.
/// </summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, EvaluationLoader loader, ReportService service, ReportPdf pdf, CalendarToday today, SalesPerfDbContext db, Loc l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Rep { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Team { get; set; }
    /// <summary>The picker's choice: "rep:{id}" or "team:{id}".</summary>
    [BindProperty(SupportsGet = true)] public string? Pick { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public EvaluationPeriod? Period { get; private set; }
    public string? PeriodError { get; private set; }
    public RepEvaluation? RepReport { get; private set; }
    public TeamEvaluation? TeamReport { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Reps { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];
    public string Language => Loc.IsZh ? "zh-CN" : "en";
    public string? FontProblem => pdf.HasCjk ? null : pdf.MessageFor(Language);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (Pick?.StartsWith("team:", StringComparison.Ordinal) == true && Guid.TryParse(Pick[5..], out var picked)) (Team, Rep) = (picked, null);
        else if (Pick?.StartsWith("rep:", StringComparison.Ordinal) == true) (Rep, Team) = (Pick[4..], null);
        var all = ReportAccess.ReadsAll(scope);
        Teams = (await db.Teams.AsNoTracking().Where(t => all || t.ManagerId == scope.UserId).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => (t.Id, t.Name)).ToList();
        var ids = scope.ManagedRepIds.Append(scope.UserId).ToList();
        var everManaged = db.EverManagedBy(scope.UserId); // reps who left the manager's team: their earlier periods stay readable
        Reps = (await loader.RepsQuery().Where(u => all || ids.Contains(u.Id) || everManaged.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();

        (Period, PeriodError) = ReportPicker.Resolve(Kind, Month, Quarter, From, To, today.Date);
        if (PeriodError is not null) PeriodError = l[PeriodError];
        Month ??= (Period ?? ReportPeriod.LastMonth(today.Date)).Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Quarter ??= $"{today.Date.Year}-Q{(today.Date.Month - 1) / 3 + 1}";
        if (Period is null) return Page();

        if (Team is null && string.IsNullOrEmpty(Rep))
        {
            if (Reps.Any(r => r.Id == scope.UserId)) Rep = scope.UserId;
            else if (Teams.Count > 0) Team = Teams[0].Id;
            else return Page();
        }
        if (Team is { } teamId)
        {
            var outcome = await service.TeamAsync(scope, teamId, Period, Language, ct);
            if (outcome.Decision == ReportDecision.Forbidden) return Forbid();
            if (outcome.Value is null) return NotFound();
            TeamReport = outcome.Value;
            return Page();
        }
        var rep = await service.RepAsync(scope, Rep!, Period, Language, ct);
        if (rep.Value is null) return NotFound();
        RepReport = rep.Value;
        return Page();
    }

    public string PdfLink => Period is null ? "#"
        : TeamReport is not null ? $"/api/reports/teams/{Team}.pdf?{ReportPicker.Query(Period, Language)}"
        : $"/api/reports/reps/{Uri.EscapeDataString(RepReport?.RepId ?? "")}.pdf?{ReportPicker.Query(Period, Language)}";

    public string RepLink(string repId) => $"/Reports?rep={Uri.EscapeDataString(repId)}&{PeriodQuery}";

    public string PeriodQuery => Kind switch
    {
        "quarter" => $"kind=quarter&quarter={Uri.EscapeDataString(Quarter ?? "")}",
        "custom" => $"kind=custom&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}",
        _ => $"kind=month&month={Uri.EscapeDataString(Month ?? "")}",
    };
}
