namespace SalesPerf.Reports.Layout;

internal enum Align : byte { Left, Right, Center }

internal sealed record TableColumn(string Header, float Weight, Align Align = Align.Left);

/// <summary>A table row: cell texts, and optionally a colour per cell (null: ink) and a bold row.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, IReadOnlyList<uint>? Colors = null, bool Bold = false);

/// <summary>
/// Draws tables that break cleanly across pages: cells wrap inside their column, a row moves to the next page
/// whole when it fits there (with the header row repeated), and a row taller than a page is split between lines.
/// </summary>
internal static class Table
{
    private const float Pad = 3.5f;

    public static void Draw(PageFlow flow, IReadOnlyList<TableColumn> columns, IEnumerable<TableRow> rows, float size = Style.Small)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => c.Weight / total * Style.ContentWidth).ToArray();
        var lineHeight = size * 1.35f;
        var headerLines = columns.Select((c, i) => flow.Text.Wrap(c.Header, size, widths[i] - 2 * Pad)).ToArray();
        var headerHeight = headerLines.Max(l => l.Count) * lineHeight + 2 * Pad;

        flow.Ensure(headerHeight + lineHeight + 2 * Pad);
        DrawHeader(flow, columns, widths, headerLines, headerHeight, size, lineHeight);
        var index = 0;
        foreach (var row in rows)
        {
            var cells = row.Cells.Select((t, i) => flow.Text.Wrap(t, size, widths[i] - 2 * Pad)).ToArray();
            var lines = cells.Max(c => c.Count);
            var from = 0;
            while (from < lines)
            {
                var fit = (int)((flow.Remaining - 2 * Pad) / lineHeight);
                var needed = lines - from;
                var fitsOnFreshPage = needed * lineHeight + 2 * Pad <= Style.ContentBottom - Style.ContentTop - headerHeight;
                if (fit < needed && (fitsOnFreshPage || fit < 2))
                {
                    flow.NewPage();
                    DrawHeader(flow, columns, widths, headerLines, headerHeight, size, lineHeight);
                    continue;
                }
                var count = Math.Min(fit, needed);
                var height = count * lineHeight + 2 * Pad;
                if (index % 2 == 1) flow.Fill(Style.Margin, flow.Y, Style.ContentWidth, height, Style.Zebra);
                var x = Style.Margin;
                for (var c = 0; c < columns.Count; c++)
                {
                    var color = row.Colors is { } colors && c < colors.Count && colors[c] != 0 ? colors[c] : Style.Ink;
                    for (var l = from; l < Math.Min(from + count, cells[c].Count); l++)
                        DrawCellLine(flow, cells[c][l], x, widths[c], flow.Y + Pad + (l - from) * lineHeight + size, columns[c].Align, size, color, row.Bold);
                    x += widths[c];
                }
                flow.Y += height;
                flow.Line(Style.Margin, flow.Y, Style.Margin + Style.ContentWidth, flow.Y, Style.Rule);
                from += count;
            }
            index++;
        }
        flow.Y += 6;
    }

    private static void DrawHeader(PageFlow flow, IReadOnlyList<TableColumn> columns, float[] widths, List<string>[] headerLines, float height, float size, float lineHeight)
    {
        flow.Fill(Style.Margin, flow.Y, Style.ContentWidth, height, Style.HeaderFill);
        var x = Style.Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            for (var l = 0; l < headerLines[c].Count; l++)
                DrawCellLine(flow, headerLines[c][l], x, widths[c], flow.Y + Pad + l * lineHeight + size, columns[c].Align, size, Style.Ink, true);
            x += widths[c];
        }
        flow.Y += height;
        flow.Line(Style.Margin, flow.Y, Style.Margin + Style.ContentWidth, flow.Y, Style.Muted, 0.8f);
    }

    private static void DrawCellLine(PageFlow flow, string text, float x, float width, float baseline, Align align, float size, uint color, bool bold)
    {
        switch (align)
        {
            case Align.Right: flow.DrawTextRight(x + width - Pad, baseline, text, size, color, bold); break;
            case Align.Center: flow.DrawTextCentered(x + width / 2, baseline, text, size, color, bold); break;
            default: flow.DrawText(x + Pad, baseline, text, size, color, bold); break;
        }
    }
}
