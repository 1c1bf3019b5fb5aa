using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Membership;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Reports;

/// <summary>
/// Evaluation reports on screen: a rep's or a team's scores for a month, quarter or custom period, each figure with how it
/// was computed, and the PDF downloads. A rep sees their own, a manager their team, HR and admins everyone.
/// </summary>
[Authorize]
public sealed class IndexModel(RequestAccess access, EvaluationLoader loader, ReportService service, ReportPdf pdf, CalendarToday today, SalesPerfDbContext db, Loc l,
    ClosedPeriodStore closedPeriods, PeriodCloser closer, UserManager<AppUser> users) : PageModel
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
    /// <summary>A closed version asked for explicitly (HR and admins); none: the current closed version, else provisional.</summary>
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Failed { get; set; }

    public EvaluationPeriod? Period { get; private set; }
    public string? PeriodError { get; private set; }
    public RepEvaluation? RepReport { get; private set; }
    public TeamEvaluation? TeamReport { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Reps { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];
    public string Language => Loc.IsZh ? "zh-CN" : "en";
    public string? FontProblem => pdf.HasCjk ? null : pdf.MessageFor(Language);
    /// <summary>The closed version shown, or null for a provisional report.</summary>
    public ClosedPeriodRecord? ClosedVersion { get; private set; }
    /// <summary>The period's closed versions, newest first (HR and admins only; empty for others).</summary>
    public IReadOnlyList<ClosedPeriodRecord> Versions { get; private set; } = [];
    public bool MayClose { get; private set; }
    public string? PeriodKind => Period is null ? null : PeriodKinds.Of(Period);
    public bool PeriodOver => Period is not null && today.Date >= Period.End;
    public DateOnly? Today => today.Date;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        MayClose = ReportAccess.MayClose(scope);
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
        if (MayClose) Versions = await closedPeriods.VersionsAsync(Period, ct);

        if (Team is null && string.IsNullOrEmpty(Rep))
        {
            if (Reps.Any(r => r.Id == scope.UserId)) Rep = scope.UserId;
            else if (Teams.Count > 0) Team = Teams[0].Id;
            else return Page();
        }
        if (Team is { } teamId)
        {
            var outcome = await service.TeamAsync(scope, teamId, Period, Language, ct, Version);
            if (outcome.Decision == ReportDecision.Forbidden) return Forbid();
            if (outcome.Value is null) return NotFound();
            (TeamReport, ClosedVersion) = (outcome.Value, outcome.ClosedVersion);
            return Page();
        }
        var rep = await service.RepAsync(scope, Rep!, Period, Language, ct, Version);
        if (rep.Value is null) return NotFound();
        (RepReport, ClosedVersion) = (rep.Value, rep.ClosedVersion);
        return Page();
    }

    /// <summary>HR or an admin closes the shown period: its evaluations are stored as the next version.</summary>
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => ClosingAsync(async (period, by) =>
    {
        var result = await closer.CloseAsync(period, by, ct);
        return result.Status switch
        {
            ClosingStatus.Closed => (true, l["Closed as version {0}. The figures of this period no longer change.", result.Version]),
            ClosingStatus.AlreadyClosed => (false, l["This period is already closed (version {0}).", result.Version]),
            ClosingStatus.NotOver => (false, l["This period is not over yet."]),
            _ => (false, l["Only a calendar month, quarter or year can be closed."]),
        };
    }, ct);

    /// <summary>HR or an admin reopens the shown period with a reason; the closed version stays readable.</summary>
    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => ClosingAsync(async (period, by) =>
    {
        var result = await closer.ReopenAsync(period, by, Reason, ct);
        return result.Status switch
        {
            ClosingStatus.Reopened => (true, l["Version {0} reopened. Figures are provisional until the period is closed again.", result.Version]),
            ClosingStatus.ReasonRequired => (false, l["Give the reason for reopening (at least {0} characters).", PeriodCloser.MinReasonLength]),
            _ => (false, l["This period is not closed."]),
        };
    }, ct);

    private async Task<IActionResult> ClosingAsync(Func<EvaluationPeriod, ClosingActor, Task<(bool Ok, string Text)>> act, CancellationToken ct)
    {
        if (!ReportAccess.MayClose(await access.GetAsync(ct))) return Forbid();
        var (period, error) = ReportPicker.Resolve(Kind, Month, Quarter, From, To, today.Date);
        if (period is null) return BadRequest(error ?? "");
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Not signed in.");
        var (ok, text) = await act(period, new ClosingActor(user.Id, user.DisplayName));
        if (ok) Message = text; else Failed = text;
        Version = null;
        return Redirect($"/Reports?{SubjectQuery}&{PeriodQuery}");
    }

    /// <summary>The report shown: "team={id}" or "rep={id}".</summary>
    public string SubjectQuery => Team is { } t ? $"team={t}" : $"rep={Uri.EscapeDataString(Rep ?? RepReport?.RepId ?? "")}";

    public string VersionLink(int version) => $"/Reports?{SubjectQuery}&{PeriodQuery}&version={version}";

    public string PdfLink => Period is null ? "#"
        : TeamReport is not null ? $"/api/reports/teams/{Team}.pdf?{ReportPicker.Query(Period, Language)}{VersionQuery}"
        : $"/api/reports/reps/{Uri.EscapeDataString(RepReport?.RepId ?? "")}.pdf?{ReportPicker.Query(Period, Language)}{VersionQuery}";

    private string VersionQuery => Version is { } v ? $"&version={v}" : "";

    public string RepLink(string repId) => $"/Reports?rep={Uri.EscapeDataString(repId)}&{PeriodQuery}{VersionQuery}";

    public string PeriodQuery => Kind switch
    {
        "quarter" => $"kind=quarter&quarter={Uri.EscapeDataString(Quarter ?? "")}",
        "custom" => $"kind=custom&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}",
        _ => $"kind=month&month={Uri.EscapeDataString(Month ?? "")}",
    };
}
