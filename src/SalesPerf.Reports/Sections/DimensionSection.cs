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
            [new ChartSeries(l.ThisRep + rep.RepName, Style.Accent, rep.Dimensions.Select(d => d.Scored ? d.Score : (decimal?)null).ToList()),
             new ChartSeries(l.TeamAverage, Style.AccentLight, rep.Dimensions.Select(d => d.TeamScored ? d.TeamAverage : (decimal?)null).ToList())],
            100m, l.ChartYAxis, l.ChartXAxis, valueFormat: Format.Score, missingLabel: l.NotScored);
        if (ScoreFormula.NotScoredNote(rep.Dimensions.Select(d => (d.Name, d.Weight, d.Scored)), l, indicators: false) is { } note)
            flow.Paragraph(note, Style.Small, Style.Muted);
    }

    public static void DrawIndicators(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.Section(l.Indicators, outline);
        foreach (var d in rep.Dimensions)
        {
            var line = d.Scored ? l.DimensionLine(Format.Weight(d.Weight), Format.Score(d.Score)) : l.DimensionLine(Format.Weight(d.Weight), "—" + l.InParentheses(l.NotScored));
            flow.SubHeading(d.Name, $"{line} · {l.TeamAverage} {Format.Score(d.TeamAverage, d.TeamScored)}");
            Table.Draw(flow,
                [new(l.Indicator, 2.2f), new(l.Value, 1.7f), new(l.Score, 0.9f, Align.Right), new(l.TeamAverage, 1.1f, Align.Right), new(l.Weight, 0.9f, Align.Right), new(l.HowComputed, 4.6f)],
                d.Indicators.Select(i => new TableRow(
                    [i.Name, i.DisplayValue, Format.Score(i.Score, i.Scored), Format.Score(i.TeamAverageScore, i.TeamScored), Format.Weight(i.Weight), i.HowComputed],
                    i.Scored
                        ? [0, 0, i.TeamScored && i.Score < i.TeamAverageScore ? Style.Bad : 0, 0, 0, Style.Muted]
                        : [Style.Muted, Style.Muted, Style.Muted, Style.Muted, Style.Muted, Style.Muted])));
            // How the dimension's score adds up from the rows above, and where an unscored indicator's weight went.
            flow.Space(-2);
            if (!d.Scored) flow.Paragraph(l.DimensionNotCounted, Style.Small, Style.Muted);
            else
            {
                if (ScoreFormula.Dimension(d) is { } formula) flow.Paragraph($"{l.Score} = {formula}", Style.Small, Style.Muted);
                if (ScoreFormula.NotScoredNote(d.Indicators.Select(i => (i.Name, i.Weight, i.Scored)), l, indicators: true) is { } note)
                    flow.Paragraph(note, Style.Small, Style.Muted);
            }
            flow.Space(2);
        }
    }
}
