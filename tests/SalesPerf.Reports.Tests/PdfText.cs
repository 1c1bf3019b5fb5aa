using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace SalesPerf.Reports.Tests;

/// <summary>What a reader gets out of a rendered PDF with PdfPig: each page's text (whitespace removed, so wrapped lines join) and the outline.</summary>
internal sealed class PdfText
{
    public PdfText(byte[] pdf)
    {
        Bytes = pdf;
        using var document = PdfDocument.Open(pdf);
        Pages = document.GetPages().Select(p => Squash(p.Text)).ToList();
        Title = document.Information.Title;
        Author = document.Information.Author;
        Outline = document.TryGetBookmarks(out var bookmarks) ? bookmarks.Roots.Select(Convert).ToList() : [];
        OutOfBounds = document.GetPages()
            .SelectMany(p => p.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) &&
                (l.BoundingBox.Left < 40 || l.BoundingBox.Right > p.Width - 40 || l.BoundingBox.Bottom < 15 || l.BoundingBox.Top > p.Height - 1))
                .Select(l => $"page {p.Number}: '{l.Value}' at {l.BoundingBox}"))
            .ToList();
    }

    public byte[] Bytes { get; }
    public List<string> Pages { get; }
    public string All => string.Concat(Pages);
    public string? Title { get; }
    public string? Author { get; }
    public List<Mark> Outline { get; }

    /// <summary>Letters drawn outside the page's printable area (the 48 pt margins less a little slack).</summary>
    public List<string> OutOfBounds { get; }

    public static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The 1-based pages whose text contains <paramref name="s"/>.</summary>
    public List<int> PagesWith(string s) => Pages.Select((t, i) => (t, i)).Where(p => p.t.Contains(Squash(s), StringComparison.Ordinal)).Select(p => p.i + 1).ToList();

    internal sealed record Mark(string Title, int Page, List<Mark> Children);

    private static Mark Convert(BookmarkNode node) =>
        new(node.Title, node is DocumentBookmarkNode d ? d.PageNumber : -1, node.Children.Select(Convert).ToList());
}
