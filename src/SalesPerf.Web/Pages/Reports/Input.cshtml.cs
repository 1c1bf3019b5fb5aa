using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Web.Pages.Reports;

public sealed record InputLine(Guid Id, string What, string Detail, DateTimeOffset At);

/// <summary>
/// What managers add to a rep's evaluation for a month: ability ratings (customer feedback, solution quality per deal,
/// 1–5), training participation and their comment. Managers for their reps, admins for anyone; HR reads only.
/// </summary>
[Authorize(Roles = Roles.Manager + "," + Roles.Admin)]
public sealed class InputModel(RequestAccess access, EvaluationLoader loader, SalesPerfDbContext db, CalendarToday today, Loc l, TimeProvider clock, Flows.CalendarProvider calendars) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Rep { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    [BindProperty] public string Kind { get; set; } = RatingKinds.CustomerFeedback;
    [BindProperty] public Guid? DealId { get; set; }
    [BindProperty] public decimal? Score { get; set; }
    [BindProperty] public string? RatingComment { get; set; }
    [BindProperty] public string? Course { get; set; }
    [BindProperty] public decimal? Hours { get; set; }
    [BindProperty] public DateOnly? TrainingDate { get; set; }
    [BindProperty] public string? Comment { get; set; }

    [TempData] public string? Message { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<(string Id, string Name)> Reps { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Deals { get; private set; } = [];
    public IReadOnlyList<InputLine> Lines { get; private set; } = [];
    public string RepName { get; private set; } = "";
    public Engine.Evaluation.EvaluationPeriod Period { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRatingAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (Kind is not (RatingKinds.CustomerFeedback or RatingKinds.SolutionQuality)) Errors[nameof(Kind)] = l["Choose what the rating is for."];
        if (Score is not { } score || score < 1 || score > 5 || score * 2 != Math.Floor(score * 2)) Errors[nameof(Score)] = l["Give a score from 1 to 5 (halves allowed)."];
        if (DealId is { } dealId && Deals.All(d => d.Id != dealId)) Errors[nameof(DealId)] = l["Choose one of the rep's deals."];
        if ((RatingComment ?? "").Length > 500) Errors[nameof(RatingComment)] = l["At most {0} characters.", 500];
        if (Errors.Count > 0) return Page();
        db.RepRatings.Add(new RepRatingRecord { Id = Guid.NewGuid(), RepId = Rep!, DealId = DealId, Kind = Kind, Score = Score!.Value,
            Comment = (RatingComment ?? "").Trim(), RatedById = (await access.GetAsync(ct)).UserId, At = At() });
        await db.SaveChangesAsync(ct);
        Message = l["Rating saved."];
        return Redirect(Self);
    }

    public async Task<IActionResult> OnPostTrainingAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(Course) || Course.Trim().Length > 200) Errors[nameof(Course)] = l["Name the course (at most 200 characters)."];
        if (Hours is not { } hours || hours <= 0 || hours > 200) Errors[nameof(Hours)] = l["Hours between 0.5 and 200."];
        if (TrainingDate is not { } date || date < Period.Start || date >= Period.End) Errors[nameof(TrainingDate)] = l["Pick a day in {0}.", Month!];
        if (Errors.Count > 0) return Page();
        db.Trainings.Add(new TrainingRecord { Id = Guid.NewGuid(), RepId = Rep!, Course = Course!.Trim(), Hours = Hours!.Value,
            At = ZonedTime.StartOfDay(TrainingDate!.Value, calendars.Zone).AddHours(12), RecordedById = (await access.GetAsync(ct)).UserId });
        await db.SaveChangesAsync(ct);
        Message = l["Training saved."];
        return Redirect(Self);
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var text = (Comment ?? "").Trim();
        if (text.Length is < 5 or > 2000) Errors[nameof(Comment)] = l["Write between 5 and 2000 characters."];
        if (Errors.Count > 0) return Page();
        var me = (await access.GetAsync(ct)).UserId;
        var existing = await db.EvaluationComments.SingleOrDefaultAsync(c => c.RepId == Rep && c.AuthorId == me && c.PeriodStart == Period.Start && c.PeriodEnd == Period.End, ct);
        if (existing is null)
            db.EvaluationComments.Add(new EvaluationCommentRecord { Id = Guid.NewGuid(), RepId = Rep!, PeriodStart = Period.Start, PeriodEnd = Period.End, Comment = text, AuthorId = me, At = clock.GetUtcNow() });
        else { existing.Comment = text; existing.At = clock.GetUtcNow(); }
        await db.SaveChangesAsync(ct);
        Message = l["Comment saved."];
        return Redirect(Self);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        await db.RepRatings.Where(r => r.Id == id && r.RepId == Rep).ExecuteDeleteAsync(ct);
        await db.Trainings.Where(r => r.Id == id && r.RepId == Rep).ExecuteDeleteAsync(ct);
        Message = l["Deleted."];
        return Redirect(Self);
    }

    private string Self => $"/Reports/Input?rep={Uri.EscapeDataString(Rep ?? "")}&month={Uri.EscapeDataString(Month ?? "")}";

    /// <summary>Inside the month: now if the month is the current one, else noon of its last day.</summary>
    private DateTimeOffset At()
    {
        var now = clock.GetUtcNow();
        var end = ZonedTime.StartOfDay(Period.End, calendars.Zone);
        return now >= ZonedTime.StartOfDay(Period.Start, calendars.Zone) && now < end ? now : end.AddHours(-12);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var ids = scope.ManagedRepIds.ToList();
        Reps = (await loader.RepsQuery().Where(u => scope.IsAdmin || ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        if (Reps.Count == 0) { RepName = ""; Period = ReportPeriod.LastMonth(today.Date); Month ??= Period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture); return null; }
        Rep = string.IsNullOrEmpty(Rep) ? Reps[0].Id : Rep;
        if (!ReportAccess.MayRate(scope, Rep) || Reps.All(r => r.Id != Rep)) return NotFound();
        RepName = Reps.Single(r => r.Id == Rep).Name;
        Period = ReportPicker.Month(Month) ?? ReportPeriod.Month(today.Date.Year, today.Date.Month);
        Month = Period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = ZonedTime.StartOfDay(Period.Start, calendars.Zone);
        var to = ZonedTime.StartOfDay(Period.End, calendars.Zone);
        Deals = (await db.Deals.AsNoTracking().Where(d => d.RepId == Rep && d.CreatedAt < to && (d.ClosedAt == null || d.ClosedAt >= from))
            .OrderByDescending(d => d.LastActivityAt).Select(d => new { d.Id, d.Title }).Take(100).ToListAsync(ct)).Select(d => (d.Id, d.Title)).ToList();
        var ratings = await db.RepRatings.AsNoTracking().Where(r => r.RepId == Rep && r.At >= from && r.At < to).ToListAsync(ct);
        var trainings = await db.Trainings.AsNoTracking().Where(r => r.RepId == Rep && r.At >= from && r.At < to).ToListAsync(ct);
        var titles = Deals.ToDictionary(d => d.Id, d => d.Title);
        Lines = ratings.Select(r => new InputLine(r.Id,
                $"{l[r.Kind == RatingKinds.SolutionQuality ? "Solution quality" : "Customer feedback"]}: {r.Score.ToString("0.#", CultureInfo.InvariantCulture)} / 5",
                string.Join(" · ", new[] { r.DealId is { } d ? titles.GetValueOrDefault(d, "") : "", r.Comment }.Where(x => x.Length > 0)), r.At))
            .Concat(trainings.Select(t => new InputLine(t.Id, $"{l["Training"]}: {t.Course}", $"{t.Hours.ToString("0.#", CultureInfo.InvariantCulture)} h", t.At)))
            .OrderByDescending(x => x.At).ToList();
        var me = scope.UserId;
        if (Request.Method == "GET")
            Comment = await db.EvaluationComments.AsNoTracking().Where(c => c.RepId == Rep && c.AuthorId == me && c.PeriodStart == Period.Start && c.PeriodEnd == Period.End)
                .Select(c => c.Comment).SingleOrDefaultAsync(ct);
        TrainingDate ??= today.Date >= Period.Start && today.Date < Period.End ? today.Date : Period.End.AddDays(-1);
        return null;
    }
}
