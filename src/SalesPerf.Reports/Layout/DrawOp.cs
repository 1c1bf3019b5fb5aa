namespace SalesPerf.Reports.Layout;

internal enum OpKind : byte { Text, Fill, Stroke, Line }

/// <summary>
/// One drawing instruction on a laid-out page, in points from the page's top-left corner. Text is drawn with its
/// baseline at Y; a fill or stroke covers (X, Y, W, H); a line runs from (X, Y) to (W, H).
/// </summary>
internal readonly record struct DrawOp(OpKind Kind, float X, float Y, float W, float H, uint Color, float Size, string? Text, bool Bold = false);

/// <summary>A laid-out page: its ops and the header it carries (the footer's "page X of Y" is drawn when Y is known).</summary>
internal sealed class LaidOutPage(int index, string headerLeft, string headerRight, bool showHeader)
{
    public int Index { get; } = index;
    public string HeaderLeft { get; } = headerLeft;
    public string HeaderRight { get; } = headerRight;
    public bool ShowHeader { get; } = showHeader;
    public List<DrawOp> Ops { get; } = new(256);
}

/// <summary>A bookmark: a title pointing at a page (0-based, in the whole document) and a height on it.</summary>
internal sealed class OutlineNode(string title, int page, float top)
{
    public string Title { get; } = title;
    public int Page { get; } = page;
    public float Top { get; } = top;
    public List<OutlineNode> Children { get; } = [];
}
