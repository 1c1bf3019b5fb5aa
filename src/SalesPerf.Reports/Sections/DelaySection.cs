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
        Table.Draw(flow,
            [new(l.Deal, 2.2f), new(l.Stage, 1.5f), new(l.DaysLate, 0.9f, Align.Right), new(l.Reason, 3.6f), new(l.Attribution, 1.3f), new(l.Deduction, 1f, Align.Right), new(l.Counts, 0.9f, Align.Center)],
            rep.Delays.Select(d => new TableRow(
                [d.DealTitle, d.StageName, d.LateDays.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Reason, d.Attribution, Format.Deduction(d.Deduction), d.CountsAgainstRep ? l.Yes : l.No],
                d.CountsAgainstRep ? [0, 0, 0, 0, 0, Style.Bad, 0] : [0, 0, 0, 0, 0, Style.Muted, Style.Muted])));
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
