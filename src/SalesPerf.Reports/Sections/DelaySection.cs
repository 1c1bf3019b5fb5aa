using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>Delays with the rep's reason, the (confirmed) attribution, the deduction and whether it counts; then comments and training.</summary>
internal static class DelaySection
{
    public static void DrawDelays(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.Section(l.Delays, outline);
        if (rep.Delays.Count == 0)
        {
            flow.Paragraph(l.NoDelays, Style.Body, Style.Muted);
            return;
        }
        var counted = rep.Delays.Where(d => d.CountsAgainstRep).Sum(d => d.Deduction);
        flow.Paragraph(l.DelaySummary(Format.Deduction(counted), rep.Delays.Count(d => !d.CountsAgainstRep)), Style.Body, Style.Ink);
        flow.Space(4);
        // Deal, stage, due and submit time (to the minute), days late, the rep's reason, the counted attribution, the
        // deduction, whether it counts, then the manager's decision in words; long texts wrap inside their column.
        var dl = l.Details();
        Table.Draw(flow,
            // Widths in points (they add up to the 499 pt content width): the dates need 52 pt to keep "yyyy-MM-dd" on one line.
            [new(l.Deal, 53), new(l.Stage, 47), new(dl.DueTime, 52), new(dl.SubmittedTime, 52), new(l.DaysLate, 28, Align.Right), new(l.Reason, 80),
             new(l.Attribution, 46), new(l.Deduction, 44, Align.Right), new(l.Counts, 33, Align.Center), new(dl.Decision, 64)],
            rep.Delays.Select(d => new TableRow(
                [d.DealTitle, d.StageName, d.Due is { } due ? Format.MinuteStacked(due) : "—", d.SubmittedAt is { } at ? Format.MinuteStacked(at) : dl.NotSubmitted,
                 d.LateDays.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Reason, d.Attribution, Format.Deduction(d.Deduction), d.CountsAgainstRep ? l.Yes : l.No,
                 string.IsNullOrWhiteSpace(d.Decision) ? "—" : d.Decision],
                d.CountsAgainstRep ? [0, 0, 0, 0, 0, 0, 0, Style.Bad, 0, 0] : [0, 0, 0, 0, 0, 0, 0, Style.Muted, Style.Muted, 0])));
    }

    public static void DrawComments(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.Section(l.Comments, outline, 40);
        if (rep.Comments.Count == 0)
        {
            flow.Paragraph(l.NoComments, Style.Body, Style.Muted);
            return;
        }
        foreach (var c in rep.Comments.OrderBy(c => c.At))
        {
            flow.Ensure(40);
            flow.Paragraph($"{c.Author} · {Format.Date(c.At)}", Style.Small, Style.Muted, bold: true);
            flow.Paragraph(c.Text, Style.Body, Style.Ink, indent: 8);
            flow.Space(6);
        }
    }

    public static void DrawTraining(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.Section(l.Training, outline, 40);
        if (rep.Training.Count == 0)
        {
            flow.Paragraph(l.NoTraining, Style.Body, Style.Muted);
            return;
        }
        foreach (var t in rep.Training)
        {
            flow.Ensure(44);
            flow.Paragraph("■ " + t.Title, Style.Body + 0.5f, Style.Accent, bold: true);
            flow.Paragraph(l.Because + t.IndicatorName, Style.Small, Style.Muted, indent: 10);
            if (!string.IsNullOrWhiteSpace(t.Detail)) flow.Paragraph(t.Detail, Style.Body, Style.Ink, indent: 10);
            flow.Space(6);
        }
    }
}
