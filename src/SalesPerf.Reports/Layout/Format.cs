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

    /// <summary>The period's first and last day ([Start, End) stored, inclusive printed).</summary>
    public static string Period(EvaluationPeriod p) => $"{Date(p.Start)} – {Date(p.End > p.Start ? p.End.AddDays(-1) : p.End)}";
}
