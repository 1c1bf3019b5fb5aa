using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Admin.Evaluation;

/// <summary>
/// The admin's evaluation settings: dimension and indicator weights (non-negative; the dimensions and each dimension's
/// indicators sum to 100), the training-hours target, and the training-suggestion list with its thresholds.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(SalesPerfDbContext db, EvaluationSettingsStore store, Loc l) : PageModel
{
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();
    public List<(string Key, string Message)> WeightErrors { get; } = [];
    public List<TrainingSuggestionRecord> Suggestions { get; private set; } = [];
    public Dictionary<string, string> SuggestionErrors { get; } = [];
    public Guid? EditingId { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await store.LoadAsync(ct);
        Values = settings.Weights.All.ToDictionary(p => p.Key, p => p.Value.ToString("0.##", CultureInfo.InvariantCulture));
        await LoadSuggestionsAsync(ct);
    }

    public async Task<IActionResult> OnPostWeightsAsync(CancellationToken ct)
    {
        var raw = EvaluationModel.DefaultWeights.Keys.ToDictionary(k => k, k => (string)Request.Form["w:" + k]!);
        Values = raw;
        var parsed = new Dictionary<string, decimal>();
        foreach (var (key, text) in raw)
        {
            if (decimal.TryParse((text ?? "").Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v <= 10000) parsed[key] = v;
            else WeightErrors.Add((key, l["Enter a number."]));
        }
        if (WeightErrors.Count == 0)
            WeightErrors.AddRange(EvaluationWeights.Validate(parsed).Select(e => (e.Key, l.Pick(e.Message))));
        if (WeightErrors.Count > 0)
        {
            await LoadSuggestionsAsync(ct);
            return Page();
        }
        await store.SaveWeightsAsync(parsed, ct);
        Message = l["Weights saved."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSuggestionAsync(Guid id, string? indicatorKey, string? threshold, string? titleZh, string? titleEn,
        string? detailZh, string? detailEn, bool active, CancellationToken ct)
    {
        var known = EvaluationModel.Indicators.Select(i => i.Key).Concat(EvaluationModel.Dimensions.Select(d => d.Key)).ToHashSet();
        if (indicatorKey is null || !known.Contains(indicatorKey)) SuggestionErrors["indicatorKey"] = l["Choose an indicator."];
        if (!decimal.TryParse(threshold, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) || t < 0 || t > 100)
            SuggestionErrors["threshold"] = l["A threshold between 0 and 100."];
        if (string.IsNullOrWhiteSpace(titleZh) && string.IsNullOrWhiteSpace(titleEn)) SuggestionErrors["title"] = l["Give the training a title (Chinese or English)."];
        if ((titleZh ?? "").Length > 200 || (titleEn ?? "").Length > 200 || (detailZh ?? "").Length > 2000 || (detailEn ?? "").Length > 2000)
            SuggestionErrors["title"] = l["Titles at most 200, details at most 2000 characters."];
        var row = id == Guid.Empty ? null : await db.TrainingSuggestions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (id != Guid.Empty && row is null) return NotFound();
        if (SuggestionErrors.Count > 0)
        {
            EditingId = id;
            await OnGetAsync(ct);
            var shown = Suggestions.FirstOrDefault(s => s.Id == id) ?? new TrainingSuggestionRecord { Id = Guid.Empty };
            shown.IndicatorKey = indicatorKey ?? ""; shown.TitleZh = titleZh ?? ""; shown.TitleEn = titleEn ?? ""; shown.DetailZh = detailZh ?? ""; shown.DetailEn = detailEn ?? "";
            shown.Active = active;
            if (id == Guid.Empty) NewSuggestion = shown;
            return Page();
        }
        row ??= db.TrainingSuggestions.Add(new TrainingSuggestionRecord { Id = Guid.NewGuid() }).Entity;
        row.IndicatorKey = indicatorKey!; row.Threshold = t; row.TitleZh = (titleZh ?? "").Trim(); row.TitleEn = (titleEn ?? "").Trim();
        row.DetailZh = (detailZh ?? "").Trim(); row.DetailEn = (detailEn ?? "").Trim(); row.Active = active;
        await db.SaveChangesAsync(ct);
        Message = l["Training suggestion saved."];
        return RedirectToPage(null, null, "suggestions");
    }

    public async Task<IActionResult> OnPostDeleteSuggestionAsync(Guid id, CancellationToken ct)
    {
        await db.TrainingSuggestions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        Message = l["Deleted."];
        return RedirectToPage(null, null, "suggestions");
    }

    public TrainingSuggestionRecord NewSuggestion { get; private set; } = new() { Id = Guid.Empty, Threshold = 60, Active = true };

    public string IndicatorName(string key) =>
        EvaluationModel.Indicator(key) is { } i ? l.Pick(i.Name) : EvaluationModel.Dimension(key) is { } d ? l.Pick(d.Name) : key;

    private async Task LoadSuggestionsAsync(CancellationToken ct) =>
        Suggestions = await db.TrainingSuggestions.AsNoTracking().OrderBy(s => s.IndicatorKey).ThenBy(s => s.Threshold).ToListAsync(ct);
}
