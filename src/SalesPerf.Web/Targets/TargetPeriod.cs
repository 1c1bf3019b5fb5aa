using System.Globalization;

namespace SalesPerf.Web.Targets;

public static class TargetPeriodKinds
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";
    public static readonly string[] All = [Month, Quarter, Year];

    /// <summary>Finer periods first: where a month target and its quarter's both exist, the month's counts for its days.</summary>
    public static int Granularity(string kind) => kind switch { Month => 0, Quarter => 1, _ => 2 };
}

/// <summary>A target's period: a calendar month, quarter or year (company time zone), [Start, End).</summary>
public sealed record TargetPeriod(string Kind, DateOnly Start)
{
    public DateOnly End => Kind switch
    {
        TargetPeriodKinds.Month => Start.AddMonths(1),
        TargetPeriodKinds.Quarter => Start.AddMonths(3),
        _ => Start.AddYears(1),
    };

    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>"2026-03", "2026-Q1" or "2026": the period's name in the page's address and in texts (language-neutral).</summary>
    public string Token => Kind switch
    {
        TargetPeriodKinds.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TargetPeriodKinds.Quarter => $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}",
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    public bool Contains(DateOnly day) => day >= Start && day < End;

    public TargetPeriod Previous() => Kind switch
    {
        TargetPeriodKinds.Month => new(Kind, Start.AddMonths(-1)),
        TargetPeriodKinds.Quarter => new(Kind, Start.AddMonths(-3)),
        _ => new(Kind, Start.AddYears(-1)),
    };

    public TargetPeriod Next() => new(Kind, End);

    public static TargetPeriod Containing(DateOnly day, string kind) => kind switch
    {
        TargetPeriodKinds.Month => new(kind, new DateOnly(day.Year, day.Month, 1)),
        TargetPeriodKinds.Quarter => new(kind, new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1)),
        _ => new(TargetPeriodKinds.Year, new DateOnly(day.Year, 1, 1)),
    };

    /// <summary>Reads a <see cref="Token"/>; null when it is none.</summary>
    public static TargetPeriod? Parse(string? token)
    {
        var t = (token ?? "").Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            return new(TargetPeriodKinds.Year, new DateOnly(y, 1, 1));
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y) && y is >= 2000 and <= 2100)
        {
            if ((t[5] == 'Q' || t[5] == 'q') && t[6] is >= '1' and <= '4') return new(TargetPeriodKinds.Quarter, new DateOnly(y, (t[6] - '1') * 3 + 1, 1));
            if (int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
                return new(TargetPeriodKinds.Month, new DateOnly(y, m, 1));
        }
        return null;
    }

    /// <summary>The stored pair (kind, first day) as a period; null when the pair is not one.</summary>
    public static TargetPeriod? FromStored(string kind, DateOnly start) =>
        TargetPeriodKinds.All.Contains(kind) && Containing(start, kind).Start == start ? new(kind, start) : null;
}
