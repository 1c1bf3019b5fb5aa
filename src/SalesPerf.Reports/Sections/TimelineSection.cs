using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>
/// Each deal's stages as a labelled Gantt table: stage, start, end and due dates in words, a bar on the deal's own
/// time axis (coloured by how the stage ended, with the due date marked) and the result.
/// </summary>
internal static class TimelineSection
{
    private const float RowHeight = 15f;
    private static readonly float[] Widths = [104, 54, 54, 54, 0, 86]; // the bar column takes what is left

    public static void Draw(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        flow.Section(l.DealTimelines, outline, 110);
        if (rep.Deals.Count == 0)
        {
            flow.Paragraph(l.NoDeals, Style.Body, Style.Muted);
            return;
        }
        DrawLegend(flow, l);
        var now = new DateTimeOffset(rep.Period.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var deal in rep.Deals) DrawDeal(flow, deal, l, now);
    }

    private static void DrawLegend(PageFlow flow, Labels l)
    {
        var x = Style.Margin;
        var y = flow.Y + Style.Small;
        flow.DrawText(x, y, l.Legend, Style.Small, Style.Muted);
        x += flow.Text.Width(l.Legend, Style.Small) + 6;
        foreach (var outcome in new[] { StageOutcome.ApprovedOnTime, StageOutcome.ApprovedLate, StageOutcome.SentBack, StageOutcome.InProgress, StageOutcome.Abandoned })
        {
            flow.Fill(x, y - 6, 14, 6, Color(outcome));
            x += 17;
            var label = l.Outcome(outcome);
            flow.DrawText(x, y, label, Style.Small, Style.Ink);
            x += flow.Text.Width(label, Style.Small) + 10;
        }
        flow.Line(x, y - 8, x, y + 1, Style.Bad, 1.4f);
        flow.DrawText(x + 4, y, l.DueMarker, Style.Small, Style.Ink);
        flow.Y += 18;
    }

    private static void DrawDeal(PageFlow flow, DealTimeline deal, Labels l, DateTimeOffset now)
    {
        var height = 18 + RowHeight + deal.Stages.Count * RowHeight + 12;
        flow.Ensure(Math.Min(height, Style.ContentBottom - Style.ContentTop));
        var text = flow.Text;
        var right = $"{deal.Customer} · {deal.Status}";
        var rightWidth = Math.Min(text.Width(right, Style.Small), Style.ContentWidth / 2);
        flow.DrawText(Style.Margin, flow.Y + 11, text.Fit(deal.Title, 10.5f, Style.ContentWidth - rightWidth - 12), 10.5f, Style.Ink, bold: true);
        flow.DrawTextRight(Style.Margin + Style.ContentWidth, flow.Y + 11, text.Fit(right, Style.Small, rightWidth), Style.Small, Style.Muted);
        flow.Y += 18;

        var widths = (float[])Widths.Clone();
        widths[4] = Style.ContentWidth - widths.Sum();
        var x = new float[widths.Length + 1];
        x[0] = Style.Margin;
        for (var i = 0; i < widths.Length; i++) x[i + 1] = x[i] + widths[i];

        var from = deal.Stages.Count == 0 ? now : deal.Stages.Min(s => s.Started);
        var to = deal.Stages.Count == 0 ? now : deal.Stages.Max(s => Max(s.Ended ?? now, s.Due ?? s.Started));
        if (to <= from) to = from.AddDays(1);
        var barLeft = x[4] + 6;
        var barRight = x[5] - 6;
        float At(DateTimeOffset t) => barLeft + (float)((t - from).TotalSeconds / (to - from).TotalSeconds) * (barRight - barLeft);

        void Header()
        {
            flow.Fill(Style.Margin, flow.Y, Style.ContentWidth, RowHeight, Style.HeaderFill);
            var b = flow.Y + 10.5f;
            flow.DrawText(x[0] + 3, b, l.Stage, Style.Small, Style.Ink, true);
            flow.DrawText(x[1] + 3, b, l.Start, Style.Small, Style.Ink, true);
            flow.DrawText(x[2] + 3, b, l.End, Style.Small, Style.Ink, true);
            flow.DrawText(x[3] + 3, b, l.Due, Style.Small, Style.Ink, true);
            flow.DrawText(barLeft, b, Format.Date(from), Style.Tiny, Style.Muted);
            flow.DrawTextRight(barRight, b, Format.Date(to), Style.Tiny, Style.Muted);
            flow.DrawText(x[5] + 3, b, l.Result, Style.Small, Style.Ink, true);
            flow.Y += RowHeight;
        }

        Header();
        var top = flow.Y;
        foreach (var s in deal.Stages)
        {
            if (flow.Y + RowHeight > Style.ContentBottom)
            {
                flow.NewPage();
                Header();
                top = flow.Y;
            }
            var b = flow.Y + 10.5f;
            var name = s.Revisions > 0 ? $"{s.StageName} ({l.Revisions} {s.Revisions})" : s.StageName;
            flow.DrawText(x[0] + 3, b, text.Fit(name, Style.Small, widths[0] - 6), Style.Small);
            flow.DrawText(x[1] + 3, b, Format.Date(s.Started), Style.Small);
            flow.DrawText(x[2] + 3, b, s.Ended is { } e ? Format.Date(e) : "—", Style.Small);
            flow.DrawText(x[3] + 3, b, Format.Date(s.Due), Style.Small);
            var start = At(s.Started);
            var end = Math.Max(At(s.Ended ?? now), start + 2);
            flow.Fill(start, flow.Y + 4, end - start, RowHeight - 8, Color(s.Outcome));
            if (s.Due is { } due) flow.Line(At(due), flow.Y + 1.5f, At(due), flow.Y + RowHeight - 1.5f, Style.Bad, 1.4f);
            flow.DrawText(x[5] + 3, b, text.Fit(l.Outcome(s.Outcome), Style.Small, widths[5] - 6), Style.Small, Color(s.Outcome) == Style.Grey ? Style.Muted : Style.Ink);
            flow.Y += RowHeight;
            flow.Line(Style.Margin, flow.Y, Style.Margin + Style.ContentWidth, flow.Y, Style.Rule, 0.4f);
        }
        flow.Line(barLeft - 6, top, barLeft - 6, flow.Y, Style.Rule, 0.4f);
        flow.Line(barRight + 6, top, barRight + 6, flow.Y, Style.Rule, 0.4f);
        flow.Y += 12;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static uint Color(StageOutcome o) => o switch
    {
        StageOutcome.ApprovedOnTime => Style.Good,
        StageOutcome.ApprovedLate => Style.Late,
        StageOutcome.SentBack => Style.SentBack,
        StageOutcome.Abandoned => Style.Grey,
        _ => Style.Pending,
    };
}
