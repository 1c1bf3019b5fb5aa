using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>The dimension chart against the team average, and every indicator with how it was computed.</summary>
internal static class DimensionSection
{
    public static void DrawChart(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.NewPage();
        flow.Section(l.ScoreByDimension, outline, 260);
        BarChart.Draw(flow, l.ChartTitle, rep.Dimensions.Select(d => $"{d.Name} ({Format.Weight(d.Weight)})").ToList(),
            [new ChartSeries($"{l.ThisRep}: {rep.RepName}", Style.Accent, rep.Dimensions.Select(d => d.Score).ToList()),
             new ChartSeries(l.TeamAverage, Style.AccentLight, rep.Dimensions.Select(d => d.TeamAverage).ToList())],
            100m, l.ChartYAxis, l.ChartXAxis, valueFormat: Format.Score);
    }

    public static void DrawIndicators(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.Section(l.Indicators, outline);
        foreach (var d in rep.Dimensions)
        {
            flow.SubHeading(d.Name, $"{l.DimensionLine(Format.Weight(d.Weight), Format.Score(d.Score))} · {l.TeamAverage} {Format.Score(d.TeamAverage)}");
            Table.Draw(flow,
                [new(l.Indicator, 2.2f), new(l.Value, 1.7f), new(l.Score, 0.9f, Align.Right), new(l.TeamAverage, 1.1f, Align.Right), new(l.Weight, 0.9f, Align.Right), new(l.HowComputed, 4.6f)],
                d.Indicators.Select(i => new TableRow(
                    [i.Name, i.DisplayValue, Format.Score(i.Score), Format.Score(i.TeamAverageScore), Format.Weight(i.Weight), i.HowComputed],
                    [0, 0, i.Score < i.TeamAverageScore ? Style.Bad : 0, 0, 0, Style.Muted])));
        }
    }
}
