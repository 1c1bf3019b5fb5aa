using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>
/// How a weighted score adds up, in figures a reader can redo by hand: "82.5 × 35% + 74.0 × 35% + … = 78.4", or
/// "(82.5 × 35% + 60.0 × 10%) ÷ 45% = 77.5" when some parts were not scored and their weight was shared out.
/// </summary>
internal static class ScoreFormula
{
    public static string? Of(IEnumerable<(decimal Weight, decimal Score, bool Scored)> parts, decimal result)
    {
        var counted = parts.Where(p => p.Scored).ToList();
        var sum = counted.Sum(p => p.Weight);
        if (counted.Count == 0 || sum <= 0) return null;
        var terms = string.Join(" + ", counted.Select(p => $"{Format.Score(p.Score)} × {Format.Weight(p.Weight)}"));
        return sum == 100 ? $"{terms} = {Format.Score(result)}" : $"({terms}) ÷ {Format.Weight(sum)} = {Format.Score(result)}";
    }

    public static string? Total(RepEvaluation rep) =>
        Of(rep.Dimensions.Select(d => (d.Weight, d.Score, d.Scored)), rep.TotalScore);

    public static string? Dimension(DimensionResult d) =>
        d.Scored ? Of(d.Indicators.Select(i => (i.Weight, i.Score, i.Scored)), d.Score) : null;

    /// <summary>The note that names the parts not scored and where their weight went; null when everything was scored.</summary>
    public static string? NotScoredNote(IEnumerable<(string Name, decimal Weight, bool Scored)> parts, Labels l, bool indicators)
    {
        var missing = parts.Where(p => !p.Scored).ToList();
        if (missing.Count == 0) return null;
        var zh = l.IsZh;
        var names = string.Join(zh ? "、" : ", ", missing.Select(p => zh ? $"“{p.Name}”" : p.Name));
        var weights = string.Join(zh ? "、" : ", ", missing.Select(p => Format.Weight(p.Weight)));
        return indicators ? l.IndicatorsNotScored(names, weights) : l.DimensionsNotScored(names, weights);
    }
}
