using System.Globalization;
using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Reports.Layout;

/// <summary>How figures print in the reports (invariant digits: scores with one decimal, ISO dates).</summary>
internal static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Score(decimal d) => d.ToString("0.0", Inv);

    public static string Number(decimal d) => d == decimal.Truncate(d) ? d.ToString("0", Inv) : d.ToString("0.#", Inv);

    /// <summary>Deducted points as a negative figure ("-2.0"); a ledger that already stores them negative prints as is.</summary>
    public static string Deduction(decimal d) => d > 0 ? "-" + Score(d) : Score(d);

    /// <summary>A score the evaluator did not score (nothing to count) prints as a dash, never as 0.0.</summary>
    public static string Score(decimal d, bool scored) => scored ? Score(d) : "—";

    /// <summary>
    /// A weight as a percentage. Weights are percentages throughout (30 means 30%, as <c>EvaluationWeights</c> stores
    /// and validates them: dimensions sum to 100, each dimension's indicators sum to 100), so 1 prints "1%".
    /// </summary>
    public static string Weight(decimal w) => Number(w) + "%";

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    public static string Date(DateTimeOffset d) => d.ToString("yyyy-MM-dd", Inv);

    public static string Date(DateTimeOffset? d) => d is { } v ? Date(v) : "—";

    /// <summary>A time to the minute, as stored (the evaluator gives times in the company's zone): "2026-03-10 09:00".</summary>
    public static string Minute(DateTimeOffset d) => d.ToString("yyyy-MM-dd HH:mm", Inv);

    /// <summary>Date and time on two lines, for narrow table columns.</summary>
    public static string MinuteStacked(DateTimeOffset d) => d.ToString("yyyy-MM-dd", Inv) + "\n" + d.ToString("HH:mm", Inv);

    /// <summary>Points with their sign and a true minus: "−4", "+4", "−0.25", "0".</summary>
    public static string Points(decimal p) => p < 0 ? "−" + p.ToString("0.##", Inv).TrimStart('-') : p > 0 ? "+" + p.ToString("0.##", Inv) : "0";

    /// <summary>An amount or count as targets print: digit groups, up to two decimals ("5,000,000", "24", "0.8").</summary>
    public static string Amount(decimal d) => d.ToString("#,##0.##", Inv);

    public static string Percent(decimal d) => d.ToString("0.#", Inv) + "%";

    /// <summary>An inclusive last day of a [Start, End) range.</summary>
    public static string LastDay(EvaluationPeriod p) => Date(p.End > p.Start ? p.End.AddDays(-1) : p.End);

    /// <summary>The period's first and last day ([Start, End) stored, inclusive printed).</summary>
    public static string Period(EvaluationPeriod p) => $"{Date(p.Start)} – {Date(p.End > p.Start ? p.End.AddDays(-1) : p.End)}";
}
