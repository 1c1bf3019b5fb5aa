using System.Globalization;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Evaluations;

namespace SalesPerf.Web.Pages.Reports;

/// <summary>The period a report page asks for: a month ("2026-03"), a quarter ("2026-Q1") or custom dates.</summary>
public static class ReportPicker
{
    public static (EvaluationPeriod? Period, string? Error) Resolve(string? kind, string? month, string? quarter, string? from, string? to, DateOnly today)
    {
        switch (kind)
        {
            case "quarter":
                var q = (quarter ?? "").Trim();
                if (q.Length == 7 && int.TryParse(q[..4], CultureInfo.InvariantCulture, out var qy) && q[4..6] == "-Q" && q[6] is >= '1' and <= '4' && qy is > 2000 and < 2100)
                    return (ReportPeriod.Quarter(qy, q[6] - '0'), null);
                return (null, "Choose a quarter like 2026-Q1.");
            case "custom":
                var (period, errors) = ReportPeriod.Parse(from, to, today);
                return period is null ? (null, string.Join(" ", errors.Values.SelectMany(v => v))) : (period, null);
            default:
                if (string.IsNullOrWhiteSpace(month)) return (ReportPeriod.LastMonth(today), null);
                return Month(month) is { } m ? (m, null) : (null, "Choose a month like 2026-03.");
        }
    }

    /// <summary>The month "2026-03" names, or null when it names none.</summary>
    public static EvaluationPeriod? Month(string? month) =>
        DateOnly.TryParseExact((month ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? ReportPeriod.Month(m.Year, m.Month) : null;

    public static string Query(EvaluationPeriod p, string language) =>
        $"from={p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={ReportPeriod.LastDay(p).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&lang={language}";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Pct(decimal score) => Math.Clamp(score, 0, 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    public static string S(decimal score) => score.ToString("0.0", CultureInfo.InvariantCulture);
    /// <summary>A score, or "—" when there was nothing to score (never a 0 that was not earned).</summary>
    public static string S(decimal score, bool scored) => scored ? S(score) : "—";
    /// <summary>"：" on Chinese pages, ": " on English ones.</summary>
    public static string Colon => SalesPerf.Web.Localization.Loc.IsZh ? "：" : ": ";
}
