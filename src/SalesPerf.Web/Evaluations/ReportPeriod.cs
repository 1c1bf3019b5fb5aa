using System.Globalization;
using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Web.Evaluations;

/// <summary>
/// Report periods as people name them: a month, a quarter, or custom dates. <c>to</c> is the last day included;
/// the evaluation's <see cref="EvaluationPeriod.End"/> is the day after it.
/// </summary>
public static class ReportPeriod
{
    public const int MaxDays = 366;

    public static EvaluationPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1));
    }

    public static EvaluationPeriod Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(start, start.AddMonths(3));
    }

    public static EvaluationPeriod LastMonth(DateOnly today) => Month(today.AddMonths(-1).Year, today.AddMonths(-1).Month);

    public static DateOnly LastDay(EvaluationPeriod p) => p.End.AddDays(-1);

    /// <summary>Parses "yyyy-MM-dd" dates; both empty means last month. Returns field errors for anything else wrong.</summary>
    public static (EvaluationPeriod? Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to)) return (LastMonth(today), errors);
        DateOnly? Read(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) { errors[name] = [$"'{name}' is required (yyyy-MM-dd) when the other end of the period is given."]; return null; }
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors[name] = [$"'{value}' is not a date; use yyyy-MM-dd."];
            return null;
        }
        var start = Read("from", from);
        var last = Read("to", to);
        if (start is null || last is null) return (null, errors);
        if (last < start) errors["to"] = ["The period ends before it starts."];
        else if (last.Value.DayNumber - start.Value.DayNumber + 1 > MaxDays) errors["to"] = [$"A report covers at most {MaxDays} days."];
        return errors.Count > 0 ? (null, errors) : (new EvaluationPeriod(start.Value, last.Value.AddDays(1)), errors);
    }

    public static string Label(EvaluationPeriod p) =>
        $"{p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {LastDay(p).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string FileStamp(EvaluationPeriod p) =>
        p.Start.Day == 1 && p.End == p.Start.AddMonths(1) ? p.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : $"{p.Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{LastDay(p).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
