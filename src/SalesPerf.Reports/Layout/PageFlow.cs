namespace SalesPerf.Reports.Layout;

/// <summary>
/// Flows content down A4 pages: a cursor Y, page breaks, headings kept with what follows, wrapped paragraphs that
/// continue on the next page, and bookmarks. Finished pages go to a sink at once (the renderer counts or draws them),
/// so a long document never holds more than the page being laid out.
/// </summary>
internal sealed class PageFlow(TextMeasurer text, Action<LaidOutPage> sink)
{
    private LaidOutPage? _page;
    private int _nextIndex;

    public TextMeasurer Text { get; } = text;
    public float Y { get; set; }
    public string HeaderLeft { get; set; } = "";
    public string HeaderRight { get; set; } = "";

    /// <summary>The index the next new page will get (0-based in the whole document).</summary>
    public int NextPageIndex => _nextIndex;

    public int CurrentPageIndex => _page?.Index ?? -1;

    public float Remaining => Style.ContentBottom - Y;

    public void NewPage(bool showHeader = true)
    {
        if (_page is not null) sink(_page);
        _page = new LaidOutPage(_nextIndex++, HeaderLeft, HeaderRight, showHeader);
        Y = showHeader ? Style.ContentTop : Style.Margin;
    }

    public void Finish()
    {
        if (_page is not null) sink(_page);
        _page = null;
    }

    public void Ensure(float height)
    {
        if (_page is null || Y + height > Style.ContentBottom) NewPage();
    }

    public OutlineNode Mark(string title, List<OutlineNode> into)
    {
        var node = new OutlineNode(title, CurrentPageIndex, Y);
        into.Add(node);
        return node;
    }

    // Primitives ---------------------------------------------------------------------------------------------------

    public void DrawText(float x, float baseline, string s, float size, uint color = Style.Ink, bool bold = false)
    {
        if (s.Length > 0) Page.Ops.Add(new DrawOp(OpKind.Text, x, baseline, 0, 0, color, size, s, bold));
    }

    public void DrawTextRight(float right, float baseline, string s, float size, uint color = Style.Ink, bool bold = false) =>
        DrawText(right - Text.Width(s, size), baseline, s, size, color, bold);

    public void DrawTextCentered(float center, float baseline, string s, float size, uint color = Style.Ink, bool bold = false) =>
        DrawText(center - Text.Width(s, size) / 2, baseline, s, size, color, bold);

    public void Fill(float x, float y, float w, float h, uint color) => Page.Ops.Add(new DrawOp(OpKind.Fill, x, y, w, h, color, 0, null));

    public void Stroke(float x, float y, float w, float h, uint color, float width = 0.6f) =>
        Page.Ops.Add(new DrawOp(OpKind.Stroke, x, y, w, h, color, width, null));

    public void Line(float x1, float y1, float x2, float y2, uint color, float width = 0.5f) =>
        Page.Ops.Add(new DrawOp(OpKind.Line, x1, y1, x2, y2, color, width, null));

    private LaidOutPage Page => _page ?? throw new InvalidOperationException("No page started.");

    // Blocks -------------------------------------------------------------------------------------------------------

    /// <summary>A section heading with a bookmark, kept with at least <paramref name="keepWithNext"/> points of what follows.</summary>
    public OutlineNode Section(string title, List<OutlineNode> outline, float keepWithNext = 80)
    {
        if (_page is not null && Y > Style.ContentTop + 1) Y += 10;
        Ensure(Style.H1 * 2 + keepWithNext);
        var node = Mark(title, outline);
        Y += Style.H1;
        DrawText(Style.Margin, Y, title, Style.H1, Style.Accent, bold: true);
        Y += 6;
        Line(Style.Margin, Y, Style.Margin + Style.ContentWidth, Y, Style.Accent, 1f);
        Y += 12;
        return node;
    }

    public void SubHeading(string title, string? right = null, float keepWithNext = 50)
    {
        Y += 4;
        Ensure(Style.H2 * 1.6f + keepWithNext);
        Y += Style.H2;
        var rightWidth = right is null ? 0 : Text.Width(right, Style.Small) + 12;
        DrawText(Style.Margin, Y, Text.Fit(title, Style.H2, Style.ContentWidth - rightWidth), Style.H2, Style.Ink, bold: true);
        if (right is not null) DrawTextRight(Style.Margin + Style.ContentWidth, Y, right, Style.Small, Style.Muted);
        Y += 7;
    }

    /// <summary>Wrapped text; lines that do not fit go on to the next page.</summary>
    public void Paragraph(string? s, float size = Style.Body, uint color = Style.Ink, float indent = 0, bool bold = false)
    {
        var lineHeight = size * Style.LineFactor;
        foreach (var line in Text.Wrap(s, size, Style.ContentWidth - indent))
        {
            Ensure(lineHeight);
            DrawText(Style.Margin + indent, Y + size, line, size, color, bold);
            Y += lineHeight;
        }
    }

    public void Space(float h) => Y += h;
}
