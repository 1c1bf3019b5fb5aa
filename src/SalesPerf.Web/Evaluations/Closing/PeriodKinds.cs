using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Web.Evaluations.Closing;

/// <summary>The periods that can be closed: a calendar month, quarter or year (custom date ranges cannot).</summary>
public static class PeriodKinds
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";

    /// <summary>"month", "quarter", "year", or null for any other date range.</summary>
    public static string? Of(EvaluationPeriod p)
    {
        if (p.Start.Day != 1) return null;
        if (p.End == p.Start.AddMonths(1)) return Month;
        if (p.End == p.Start.AddMonths(3) && (p.Start.Month - 1) % 3 == 0) return Quarter;
        if (p.End == p.Start.AddYears(1) && p.Start.Month == 1) return Year;
        return null;
    }
}
