using System.Globalization;

namespace SalesPerf.Web.Targets;

/// <summary>A value in force from a day on (the first approval from the period's start, later changes from their stated date).</summary>
public sealed record InForceValue(DateOnly From, decimal Value, DateOnly DecidedOn, string By, bool IsChange);

/// <summary>One approved target's values over its period, in the order they were decided.</summary>
public sealed record TargetTimeline(TargetPeriod Period, IReadOnlyList<InForceValue> Values);

/// <summary>A target cut to an evaluation period, with where it came from in a short language-neutral text.</summary>
public sealed record CutTarget(decimal Value, string Source);

/// <summary>
/// Cuts targets to an evaluation period [from, to): each value counts for its days inside the period as its share by days
/// of its target's period (a quarter's 3,000,000 for a 31-day month of a 90-day quarter: 3,000,000 × 31/90). Where a finer
/// target (a month's) and a coarser one (its quarter's) both cover a day, the finer one counts for it.
/// </summary>
public static class TargetProration
{
    public static CutTarget? Cut(IEnumerable<TargetTimeline> targets, DateOnly from, DateOnly to)
    {
        if (to <= from) return null;
        var covered = new bool[to.DayNumber - from.DayNumber];
        var total = 0m;
        var sources = new List<string>();
        foreach (var t in targets.OrderBy(t => TargetPeriodKinds.Granularity(t.Period.Kind)).ThenBy(t => t.Period.Start))
        {
            var p = t.Period;
            var values = Fold(t.Values);
            var parts = new List<string>();
            for (var i = 0; i < values.Count; i++)
            {
                var v = values[i];
                var segStart = Max(Max(v.From, p.Start), from);
                var segEnd = Min(Min(i + 1 < values.Count ? values[i + 1].From : p.End, p.End), to);
                var days = 0;
                for (var d = segStart; d < segEnd; d = d.AddDays(1))
                {
                    var k = d.DayNumber - from.DayNumber;
                    if (covered[k]) continue;
                    covered[k] = true;
                    days++;
                }
                if (days == 0) continue;
                total += v.Value * days / p.Days;
                parts.Add($"{Number(v.Value)} × {days}/{p.Days} d" + (v.From > p.Start ? $" from {Day(v.From)}" : ""));
            }
            if (parts.Count == 0) continue;
            var decided = values.Where(v => !v.IsChange).Take(1).Select(v => $"approved {Day(v.DecidedOn)} by {v.By}")
                .Concat(values.Where(v => v.IsChange).Select(v => $"changed {Day(v.DecidedOn)} by {v.By}"));
            sources.Add($"{p.Token} · {string.Join(" + ", parts)} · {string.Join(", ", decided)}");
        }
        return sources.Count == 0 ? null : new CutTarget(Math.Round(total, 2), string.Join("; ", sources));
    }

    /// <summary>Values in decision order to a timeline: a later decision replaces everything from its day on.</summary>
    public static List<InForceValue> Fold(IEnumerable<InForceValue> decided)
    {
        var timeline = new List<InForceValue>();
        foreach (var v in decided)
        {
            timeline.RemoveAll(x => x.From >= v.From);
            timeline.Add(v);
        }
        return timeline;
    }

    public static string Number(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
