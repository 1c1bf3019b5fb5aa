using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>A rep report's first page: who, which team and period, the total score, rank and the dimensions at a glance.</summary>
internal static class CoverPage
{
    public static void Draw(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.NewPage(showHeader: false);
        flow.Mark(l.Cover, outline);
        const float band = 96;
        flow.Fill(0, 0, Style.PageWidth, band, Style.Accent);
        flow.DrawText(Style.Margin, 50, l.ReportTitle, 22, Style.White, bold: true);
        flow.DrawText(Style.Margin, 74, Format.Period(rep.Period), 11, 0xFFDCE6F2);
        StampBand(flow, rep.Stamp, l);

        var y = band + 60;
        flow.DrawText(Style.Margin, y, flow.Text.Fit(rep.RepName, 28, 300), 28, Style.Ink, bold: true);
        y += 30;
        void Fact(string label, string value)
        {
            flow.DrawText(Style.Margin, y, label, Style.Body, Style.Muted);
            flow.DrawText(Style.Margin + 70, y, flow.Text.Fit(value, Style.Body + 1, 220), Style.Body + 1, Style.Ink);
            y += 18;
        }
        Fact(l.Team, rep.TeamName);
        if (!string.IsNullOrWhiteSpace(rep.ManagerName)) Fact(l.Manager, rep.ManagerName);
        Fact(l.Period, Format.Period(rep.Period));
        Fact(l.Rank, l.RankOf(rep.Rank, rep.TeamSize));
        if (StampLine.Reopened(rep.Stamp, l) is { } reopened)
        {
            foreach (var line in flow.Text.Wrap(reopened, Style.Small, 290).Take(3))
            {
                flow.DrawText(Style.Margin, y, line, Style.Small, Style.Muted);
                y += 12;
            }
        }

        // The score box on the right.
        const float boxW = 170, boxH = 150;
        var boxX = Style.Margin + Style.ContentWidth - boxW;
        var boxY = band + 30;
        flow.Fill(boxX, boxY, boxW, boxH, 0xFFEEF3F9);
        flow.Stroke(boxX, boxY, boxW, boxH, Style.AccentLight, 1f);
        flow.DrawTextCentered(boxX + boxW / 2, boxY + 24, l.TotalScore, Style.Body + 1, Style.Muted);
        flow.DrawTextCentered(boxX + boxW / 2, boxY + 76, Format.Score(rep.TotalScore), 40, Style.Accent, bold: true);
        flow.DrawTextCentered(boxX + boxW / 2, boxY + 104, $"{l.TeamAverage} {Format.Score(rep.TeamAverageTotal)}", Style.Body, Style.Ink);
        flow.DrawTextCentered(boxX + boxW / 2, boxY + 124, $"{l.Rank} {l.RankOf(rep.Rank, rep.TeamSize)}", Style.Body, Style.Ink);

        flow.Y = Math.Max(y, boxY + boxH) + 30;
        flow.DrawText(Style.Margin, flow.Y, l.DimensionSummary, Style.H2, Style.Ink, bold: true);
        flow.Y += 10;
        Table.Draw(flow,
            [new(l.Dimension, 3), new(l.Weight, 1.2f, Align.Right), new(l.Score, 1.2f, Align.Right), new(l.TeamAverage, 1.4f, Align.Right), new(l.Difference, 1.6f, Align.Right)],
            rep.Dimensions.Select(d =>
            {
                if (!d.Scored)
                    return new TableRow([d.Name, Format.Weight(d.Weight), l.NotScored, Format.Score(d.TeamAverage, d.TeamScored), "—"],
                        [Style.Muted, Style.Muted, Style.Muted, Style.Muted, Style.Muted]);
                if (!d.TeamScored) return new TableRow([d.Name, Format.Weight(d.Weight), Format.Score(d.Score), "—", "—"]);
                var diff = d.Score - d.TeamAverage;
                return new TableRow([d.Name, Format.Weight(d.Weight), Format.Score(d.Score), Format.Score(d.TeamAverage), (diff > 0 ? "+" : "") + Format.Score(diff)],
                    [0, 0, 0, 0, diff < 0 ? Style.Bad : Style.Good]);
            }).Append(new TableRow([l.TotalScore, Format.Weight(rep.Dimensions.Sum(d => d.Weight)), Format.Score(rep.TotalScore), Format.Score(rep.TeamAverageTotal), ""], Bold: true)),
            Style.Body);
        // How the total adds up from the table, so a reader can redo it by hand.
        flow.Space(-2);
        if (ScoreFormula.Total(rep) is { } formula) flow.Paragraph($"{l.HowTotalComputed}{l.TotalScore} = {formula}", Style.Small, Style.Muted);
        if (ScoreFormula.NotScoredNote(rep.Dimensions.Select(d => (d.Name, d.Weight, d.Scored)), l, indicators: false) is { } note)
            flow.Paragraph(note, Style.Small, Style.Muted);

        // Key figures of the period, each explained in the sections that follow.
        flow.Y += 22;
        flow.DrawText(Style.Margin, flow.Y, l.KeyFigures, Style.H2, Style.Ink, bold: true);
        flow.Y += 10;
        (string Label, string Value)[] figures =
        [
            (l.DealCount, rep.Deals.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // Customer waits the manager confirmed are not the rep's delays; the deductions are every line that enters the
            // total through "process deductions" (late days, send-backs, the manager's decisions and corrections).
            (l.DelayCount, $"{KeyFigures.RepCausedDelays(rep)}"),
            (l.CountedDeductions, Format.Deduction(KeyFigures.Deducted(rep))),
            (l.Training, rep.Training.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        var w = (Style.ContentWidth - 8 * (figures.Length - 1)) / figures.Length;
        for (var i = 0; i < figures.Length; i++)
        {
            var x = Style.Margin + i * (w + 8);
            flow.Fill(x, flow.Y, w, 56, 0xFFEEF3F9);
            flow.DrawTextCentered(x + w / 2, flow.Y + 18, flow.Text.Fit(figures[i].Label, Style.Small, w - 8), Style.Small, Style.Muted);
            flow.DrawTextCentered(x + w / 2, flow.Y + 44, figures[i].Value, 20, Style.Accent, bold: true);
        }
        flow.Y += 56;
    }

    /// <summary>On the cover's band, right-aligned on the period's line: version, generation time, closed or provisional.</summary>
    internal static void StampBand(PageFlow flow, EvaluationStamp? stamp, Labels l)
    {
        if (StampLine.Text(stamp, l) is not { } text) return;
        var fitted = flow.Text.Fit(text, Style.Body, Style.ContentWidth - 170);
        flow.DrawTextRight(Style.Margin + Style.ContentWidth, 74, fitted, Style.Body, stamp!.Closed ? Style.White : 0xFFFFD98A);
    }
}
