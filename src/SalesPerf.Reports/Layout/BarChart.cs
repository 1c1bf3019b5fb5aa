namespace SalesPerf.Reports.Layout;

/// <summary>A series of bars; a null value draws no bar (the chart's missing label stands in its place).</summary>
internal sealed record ChartSeries(string Name, uint Color, IReadOnlyList<decimal?> Values);

/// <summary>
/// A vertical bar chart with grouped series: y axis with ticks, gridlines and a title, category labels under the
/// groups, each bar's value above it, and a legend. A missing value (not scored) gets no bar but a label saying so.
/// </summary>
internal static class BarChart
{
    public static void Draw(PageFlow flow, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        decimal max, string yAxisTitle, string xAxisTitle, float height = 250, Func<decimal, string>? valueFormat = null, string missingLabel = "—")
    {
        flow.Ensure(height);
        var top = flow.Y;
        var text = flow.Text;
        flow.DrawText(Style.Margin, top + Style.Body, title, Style.Body, Style.Ink, bold: true);

        // Legend, right-aligned on the title line.
        var legendX = Style.Margin + Style.ContentWidth;
        for (var s = series.Count - 1; s >= 0; s--)
        {
            var w = text.Width(series[s].Name, Style.Small);
            legendX -= w;
            flow.DrawText(legendX, top + Style.Body, series[s].Name, Style.Small, Style.Ink);
            legendX -= 12;
            flow.Fill(legendX, top + Style.Body - 7, 8, 8, series[s].Color);
            legendX -= 14;
        }

        var plotLeft = Style.Margin + 40;
        var plotRight = Style.Margin + Style.ContentWidth - 6;
        var plotTop = top + 30;
        var plotBottom = top + height - 44;
        var plotHeight = plotBottom - plotTop;
        if (max <= 0) max = 1;
        var step = NiceStep(max);
        for (var v = 0m; v <= max + 0.0001m; v += step)
        {
            var y = plotBottom - (float)(v / max) * plotHeight;
            flow.Line(plotLeft, y, plotRight, y, v == 0 ? Style.Muted : Style.Rule, v == 0 ? 0.8f : 0.4f);
            flow.DrawTextRight(plotLeft - 4, y + 2.5f, Format.Number(v), Style.Tiny, Style.Muted);
        }
        flow.Line(plotLeft, plotTop, plotLeft, plotBottom, Style.Muted, 0.8f);
        // Y axis title, above the axis (horizontal so it extracts as text in order).
        flow.DrawText(Style.Margin, plotTop - 8, yAxisTitle, Style.Tiny, Style.Muted);

        var groupWidth = (plotRight - plotLeft) / Math.Max(1, categories.Count);
        var barWidth = Math.Min(34f, groupWidth * 0.7f / Math.Max(1, series.Count));
        for (var c = 0; c < categories.Count; c++)
        {
            var groupLeft = plotLeft + c * groupWidth + (groupWidth - barWidth * series.Count) / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var x = groupLeft + s * barWidth;
                if ((c < series[s].Values.Count ? series[s].Values[c] : null) is not { } value)
                {
                    // No bar: a dashed outline at the base and the label above it, so it cannot be read as a zero.
                    for (var dx = x + 1; dx < x + barWidth - 1; dx += 4)
                        flow.Line(dx, plotBottom - 1, Math.Min(dx + 2, x + barWidth - 1), plotBottom - 1, Style.Grey, 0.8f);
                    var fitted = text.Fit(missingLabel, Style.Tiny, Math.Max(barWidth + 6, 24));
                    flow.DrawTextCentered(x + barWidth / 2, plotBottom - 5, fitted, Style.Tiny, Style.Muted);
                    continue;
                }
                var h = (float)(Math.Clamp(value, 0, max) / max) * plotHeight;
                flow.Fill(x + 1, plotBottom - h, barWidth - 2, h, series[s].Color);
                flow.DrawTextCentered(x + barWidth / 2, plotBottom - h - 3, (valueFormat ?? Format.Number)(value), Style.Tiny, Style.Ink);
            }
            var label = text.Fit(categories[c], Style.Small, groupWidth - 4);
            flow.DrawTextCentered(plotLeft + c * groupWidth + groupWidth / 2, plotBottom + 12, label, Style.Small, Style.Ink);
        }
        flow.DrawTextCentered((plotLeft + plotRight) / 2, plotBottom + 30, xAxisTitle, Style.Tiny, Style.Muted);
        flow.Y = top + height;
    }

    private static decimal NiceStep(decimal max)
    {
        foreach (var step in new[] { 1m, 2m, 5m, 10m, 20m, 25m, 50m, 100m, 200m, 500m, 1000m })
            if (max / step <= 10) return step;
        return Math.Ceiling(max / 10);
    }
}
