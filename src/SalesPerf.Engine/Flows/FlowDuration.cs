using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesPerf.Engine.Flows;

public enum DurationUnit { Hours, CalendarDays, BusinessDays }

/// <summary>
/// A span written the way admins write it: "36h", "5d" (calendar days), "5bd" (business days),
/// signed for reminder offsets ("-2d", "+1d", "0").
/// </summary>
public readonly partial record struct FlowDuration(int Amount, DurationUnit Unit)
{
    public static readonly FlowDuration Zero = new(0, DurationUnit.Hours);

    [GeneratedRegex(@"^\s*([+-]?\d{1,4})\s*(h|d|bd)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out FlowDuration duration)
    {
        duration = Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        var amount = int.Parse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var unitText = match.Groups[2].Success ? match.Groups[2].Value.ToLowerInvariant() : "";
        if (unitText == "" && amount != 0) return false; // "5" is ambiguous: hours or days?
        if (amount == 0) return true; // "0", "0h", "0d", "0bd" are all the same instant: one value, one reminder key
        duration = new FlowDuration(amount, unitText switch
        {
            "h" => DurationUnit.Hours,
            "bd" => DurationUnit.BusinessDays,
            _ => DurationUnit.CalendarDays,
        });
        return true;
    }

    /// <summary>Lower bound of the span in hours, counting a business day as 24 h.</summary>
    public int NominalHours => Unit == DurationUnit.Hours ? Amount : Amount * 24;

    public bool IsNegative => Amount < 0;

    public FlowDuration Negate() => this with { Amount = -Amount };

    public override string ToString()
    {
        var sign = Amount > 0 ? "+" : "";
        var unit = Unit switch { DurationUnit.Hours => "h", DurationUnit.BusinessDays => "bd", _ => "d" };
        return Amount == 0 ? "0" : $"{sign}{Amount}{unit}";
    }

    /// <summary>Deadline form: no sign.</summary>
    public string ToDeadlineString() => ToString().TrimStart('+');
}
