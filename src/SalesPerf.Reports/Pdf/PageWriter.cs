using SalesPerf.Reports.Layout;
using SalesPerf.Reports.Sections;
using SkiaSharp;

namespace SalesPerf.Reports.Pdf;

/// <summary>Draws laid-out pages onto a Skia PDF document, adding the header and the "page X of Y" footer.</summary>
internal sealed class PageWriter : IDisposable
{
    private readonly SKDocument _document;
    private readonly SKTypeface _typeface;
    private readonly Labels _labels;
    private readonly int _totalPages;
    private readonly string? _footerNote;
    private readonly Dictionary<float, SKFont> _fonts = [];
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

    /// <param name="footerNote">printed in the middle of every footer (the report's version and status), when it fits</param>
    public PageWriter(SKDocument document, SKTypeface typeface, Labels labels, int totalPages, string? footerNote = null)
    {
        _footerNote = footerNote;
        _document = document;
        _typeface = typeface;
        _labels = labels;
        _totalPages = totalPages;
    }

    public void Write(LaidOutPage page, TextMeasurer measurer)
    {
        var canvas = _document.BeginPage(Style.PageWidth, Style.PageHeight);
        Draw(canvas, page.Ops);
        if (page.ShowHeader)
        {
            var headerRightWidth = measurer.Width(page.HeaderRight, Style.Tiny + 0.5f);
            Text(canvas, Style.Margin, 36, measurer.Fit(page.HeaderLeft, Style.Tiny + 0.5f, Style.ContentWidth - headerRightWidth - 16), Style.Tiny + 0.5f, Style.Muted);
            Text(canvas, Style.Margin + Style.ContentWidth - headerRightWidth, 36, page.HeaderRight, Style.Tiny + 0.5f, Style.Muted);
            Line(canvas, Style.Margin, 42, Style.Margin + Style.ContentWidth, 42, Style.Rule, 0.5f);
        }
        var footerY = Style.PageHeight - 30;
        Line(canvas, Style.Margin, footerY - 10, Style.Margin + Style.ContentWidth, footerY - 10, Style.Rule, 0.5f);
        Text(canvas, Style.Margin, footerY, _labels.Product, Style.Tiny + 0.5f, Style.Muted);
        var pageOf = _labels.PageOf(page.Index + 1, _totalPages);
        var pageOfWidth = measurer.Width(pageOf, Style.Tiny + 0.5f);
        Text(canvas, Style.Margin + Style.ContentWidth - pageOfWidth, footerY, pageOf, Style.Tiny + 0.5f, Style.Muted);
        if (_footerNote is { Length: > 0 } note)
        {
            // Centred between the product name and "page X of Y", shortened rather than overlapping either.
            var side = Math.Max(measurer.Width(_labels.Product, Style.Tiny + 0.5f), pageOfWidth) + 16;
            var fitted = measurer.Fit(note, Style.Tiny + 0.5f, Style.ContentWidth - 2 * side);
            var width = measurer.Width(fitted, Style.Tiny + 0.5f);
            Text(canvas, Style.Margin + (Style.ContentWidth - width) / 2, footerY, fitted, Style.Tiny + 0.5f, Style.Muted);
        }
        _document.EndPage();
    }

    /// <summary>Replays ops onto any canvas (the renderer's pages, and the benchmark's raw-Skia baseline).</summary>
    public void Draw(SKCanvas canvas, List<DrawOp> ops)
    {
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case OpKind.Text: Text(canvas, op.X, op.Y, op.Text!, op.Size, op.Color); break;
                case OpKind.Fill:
                    _fill.Color = new SKColor(op.Color);
                    canvas.DrawRect(op.X, op.Y, op.W, op.H, _fill);
                    break;
                case OpKind.Stroke:
                    _stroke.Color = new SKColor(op.Color);
                    _stroke.StrokeWidth = op.Size;
                    canvas.DrawRect(op.X, op.Y, op.W, op.H, _stroke);
                    break;
                case OpKind.Line: Line(canvas, op.X, op.Y, op.W, op.H, op.Color, op.Size); break;
            }
        }
    }

    /// <remarks>
    /// A bold op draws as regular text: WQY MicroHei has no bold face, and Skia writes fake bold (SKFont.Embolden or
    /// stroked text) as Type3 fonts of glyph outlines, which multiplies the file size and drawing time; emphasis comes
    /// from size and colour instead. So one font per size.
    /// </remarks>
    private void Text(SKCanvas canvas, float x, float y, string text, float size, uint color)
    {
        if (!_fonts.TryGetValue(size, out var font))
        {
            font = new SKFont(_typeface, size) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };
            _fonts[size] = font;
        }
        _fill.Color = new SKColor(color);
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, _fill);
    }

    private void Line(SKCanvas canvas, float x1, float y1, float x2, float y2, uint color, float width)
    {
        _stroke.Color = new SKColor(color);
        _stroke.StrokeWidth = width;
        canvas.DrawLine(x1, y1, x2, y2, _stroke);
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        _fill.Dispose();
        _stroke.Dispose();
    }
}
