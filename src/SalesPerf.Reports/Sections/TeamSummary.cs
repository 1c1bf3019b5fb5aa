using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>A team pack's opening pages: key figures, the score distribution, dimension averages and the ranking.</summary>
internal static class TeamSummary
{
    private static readonly (decimal From, decimal To, string Label)[] Bins =
        [(0, 60, "0–59"), (60, 70, "60–69"), (70, 80, "70–79"), (80, 90, "80–89"), (90, 101, "90–100")];

    public static void Layout(PageFlow flow, TeamEvaluation team, Labels l, List<OutlineNode> outline)
    {
        flow.HeaderLeft = $"{l.PackTitle} · {team.TeamName}";
        flow.HeaderRight = $"{l.Period} {Format.Period(team.Period)}";
        flow.NewPage(showHeader: false);
        var node = flow.Mark(l.TeamSummary, outline);

        const float band = 96;
        flow.Fill(0, 0, Style.PageWidth, band, Style.Accent);
        flow.DrawText(Style.Margin, 50, l.PackTitle, 22, Style.White, bold: true);
        flow.DrawText(Style.Margin, 74, Format.Period(team.Period), 11, 0xFFDCE6F2);
        CoverPage.StampBand(flow, team.Stamp, l);
        var y = band + 50;
        flow.DrawText(Style.Margin, y, flow.Text.Fit(team.TeamName, 24, Style.ContentWidth), 24, Style.Ink, bold: true);
        y += 22;
        if (!string.IsNullOrWhiteSpace(team.ManagerName))
        {
            flow.DrawText(Style.Margin, y, l.Labelled(l.Manager, team.ManagerName), Style.Body + 1, Style.Muted);
            y += 16;
        }

        var totals = team.Reps.Select(r => r.TotalScore).OrderBy(t => t).ToList();
        var facts = new List<(string, string)> { (l.Reps, team.Reps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (totals.Count > 0)
        {
            facts.Add((l.TeamAverage, Format.Score(Math.Round(totals.Average(), 1, MidpointRounding.AwayFromZero))));
            facts.Add((l.Median, Format.Score(totals.Count % 2 == 1 ? totals[totals.Count / 2] : (totals[totals.Count / 2 - 1] + totals[totals.Count / 2]) / 2)));
            facts.Add((l.Highest, Format.Score(totals[^1])));
            facts.Add((l.Lowest, Format.Score(totals[0])));
        }
        y += 14;
        var boxW = (Style.ContentWidth - 8 * (facts.Count - 1)) / facts.Count;
        for (var i = 0; i < facts.Count; i++)
        {
            var bx = Style.Margin + i * (boxW + 8);
            flow.Fill(bx, y, boxW, 58, 0xFFEEF3F9);
            flow.DrawTextCentered(bx + boxW / 2, y + 18, facts[i].Item1, Style.Small, Style.Muted);
            flow.DrawTextCentered(bx + boxW / 2, y + 44, facts[i].Item2, 20, Style.Accent, bold: true);
        }
        flow.Y = y + 58 + 24;

        flow.Mark(l.Distribution, node.Children);
        var counts = Bins.Select(b => (decimal)team.Reps.Count(r => r.TotalScore >= b.From && r.TotalScore < b.To)).ToList();
        BarChart.Draw(flow, l.DistributionTitle, Bins.Select(b => b.Label).ToList(),
            [new ChartSeries(l.Reps, Style.Accent, counts.Select(c => (decimal?)c).ToList())], Math.Max(1, counts.Max()), l.RepCount, l.ScoreRange, 210);

        var dimensions = team.Reps.FirstOrDefault()?.Dimensions ?? [];
        if (dimensions.Count > 0)
        {
            flow.Space(10);
            // The average over the reps scored on the dimension (as the evaluator's team average); none scored: no bar.
            var averages = dimensions.Select(d =>
            {
                var scores = team.Reps.Select(r => r.Dimensions.FirstOrDefault(x => x.Key == d.Key)).Where(x => x is { Scored: true }).Select(x => x!.Score).ToList();
                return scores.Count == 0 ? (decimal?)null : Math.Round(scores.Average(), 1, MidpointRounding.AwayFromZero);
            }).ToList();
            BarChart.Draw(flow, l.DimensionAverages, dimensions.Select(d => $"{d.Name} ({Format.Weight(d.Weight)})").ToList(),
                [new ChartSeries(l.TeamAverageSeries, Style.AccentLight, averages)], 100m, l.ChartYAxis, l.ChartXAxis, 210, Format.Score, l.NotScored);
        }

        flow.NewPage();
        flow.Section(l.Ranking, node.Children);
        var columns = new List<TableColumn> { new(l.Rank, 0.8f, Align.Right), new(l.Rep, 2.2f), new(l.TotalScore, 1.1f, Align.Right) };
        columns.AddRange(dimensions.Select(d => new TableColumn(d.Name, 1.1f, Align.Right)));
        columns.Add(new TableColumn(l.CountedDeductions, 1.2f, Align.Right));
        columns.Add(new TableColumn(l.DelayCount, 0.9f, Align.Right));
        // Scored reps by rank; then the reps not scored (nothing expected of them in the period), without a rank or total.
        var ranked = team.Reps.Where(r => r.Scored).ToList();
        var unscored = team.Reps.Where(r => !r.Scored).ToList();
        Table.Draw(flow, columns, ranked.Select(r =>
        {
            var cells = new List<string> { r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), r.RepName, Format.Score(r.TotalScore) };
            cells.AddRange(dimensions.Select(d => r.Dimensions.FirstOrDefault(x => x.Key == d.Key) is { } rd ? Format.Score(rd.Score, rd.Scored) : "—"));
            cells.Add(Format.Deduction(KeyFigures.Deducted(r)));
            cells.Add(KeyFigures.RepCausedDelays(r).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new TableRow(cells);
        }).Concat(unscored.Select(r =>
        {
            var cells = new List<string> { "—", r.RepName, l.NotScored };
            cells.AddRange(dimensions.Select(_ => "—"));
            cells.Add(Format.Deduction(KeyFigures.Deducted(r)));
            cells.Add(KeyFigures.RepCausedDelays(r).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new TableRow(cells, cells.Select(_ => Style.Muted).ToList());
        })), Style.Small);
        if (unscored.Count > 0) flow.Paragraph(l.Details().NotScoredRep, Style.Small, Style.Muted);
    }
}
