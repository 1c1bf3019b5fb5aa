using System.Globalization;

namespace SalesPerf.Engine.Evaluation;

/// <summary>Numbers in report texts are formatted the same way in every UI culture.</summary>
internal static class Inv
{
    public static string S(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    public static string N(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);
    public static string N2(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
    /// <summary>Rounds half away from zero (43.05 → 43.1), as a reader redoing the sum by hand would.</summary>
    public static decimal R(decimal d, int decimals) => Math.Round(d, decimals, MidpointRounding.AwayFromZero);
    public static string Money(decimal d) => d.ToString("N0", CultureInfo.InvariantCulture);
}
