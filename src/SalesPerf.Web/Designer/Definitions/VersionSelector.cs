using System.Globalization;

namespace SalesPerf.Web.Designer.Definitions;

public enum VersionKind { Latest, Published, LatestOrPublished, LatestAndPublished, Draft, All, Specific }

/// <summary>Elsa's "versionOptions" query value: Latest, Published, LatestOrPublished, LatestAndPublished, Draft, All, or a number.</summary>
public readonly record struct VersionSelector(VersionKind Kind, int Version = 0)
{
    public static readonly VersionSelector Latest = new(VersionKind.Latest);

    public static bool TryParse(string? text, out VersionSelector selector)
    {
        selector = Latest;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            selector = new(VersionKind.Specific, n);
            return true;
        }
        var name = text.Trim().Replace("AsLatest", "Latest", StringComparison.OrdinalIgnoreCase);
        if (!Enum.TryParse<VersionKind>(name, ignoreCase: true, out var kind) || kind == VersionKind.Specific) return false;
        selector = new(kind);
        return true;
    }
}
