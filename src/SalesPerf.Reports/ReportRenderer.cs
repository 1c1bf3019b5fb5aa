using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Fonts;
using SalesPerf.Reports.Layout;
using SalesPerf.Reports.Pdf;
using SalesPerf.Reports.Sections;
using SkiaSharp;

namespace SalesPerf.Reports;

/// <summary>
/// Draws evaluation reports as PDF with SkiaSharp: a rep's report, or a team's review pack (the team summary followed
/// by every rep's report). Pages are laid out first (so every footer can say "page X of Y"), then drawn with a font
/// subset holding just the characters used, then a document outline is appended. Thread-safe; one instance serves all.
/// </summary>
public sealed class ReportRenderer(ReportFonts fonts)
{
    private readonly TextMeasurer _measurer = new(fonts);

    public ReportFonts Fonts { get; } = fonts;

    /// <summary>A single rep's report (typically 3–5 pages).</summary>
    public void RenderRep(RepEvaluation rep, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var labels = Labels.For(rep.Language);
        var layout = LayoutRep(rep);
        var title = $"{labels.ReportTitle} – {rep.RepName} – {Format.Period(rep.Period)}";
        Write(output, labels, title, rep.ManagerName, layout.Pages.Count, layout.Characters, layout.Outline, large: false, StampLine.Text(rep.Stamp, labels),
            writer => { foreach (var page in layout.Pages) writer.Write(page, _measurer); });
    }

    /// <summary>
    /// A team's review pack. Laid out twice: once to count pages and collect the characters used, once to draw,
    /// page by page, so memory holds one page's drawing at a time however many reps the team has.
    /// </summary>
    public void RenderTeamPack(TeamEvaluation team, Stream output)
    {
        ArgumentNullException.ThrowIfNull(team);
        var labels = Labels.For(team.Language);
        var characters = new CharacterSet(labels);
        var count = 0;
        LayoutPack(team, labels, page => { count++; characters.Add(page); });
        var outline = new List<OutlineNode>();
        var title = $"{labels.PackTitle} – {team.TeamName} – {Format.Period(team.Period)}";
        Write(output, labels, title, team.ManagerName, count, characters, outline, large: true, StampLine.Text(team.Stamp, labels),
            writer => LayoutPack(team, labels, page => writer.Write(page, _measurer), outline));
    }

    // Layout ---------------------------------------------------------------------------------------------------------

    internal sealed record RepLayout(List<LaidOutPage> Pages, List<OutlineNode> Outline, CharacterSet Characters);

    internal RepLayout LayoutRep(RepEvaluation rep)
    {
        var labels = Labels.For(rep.Language);
        var pages = new List<LaidOutPage>(6);
        var outline = new List<OutlineNode>();
        var flow = new PageFlow(_measurer, pages.Add);
        RepReport.Layout(flow, rep, labels, outline);
        flow.Finish();
        var characters = new CharacterSet(labels);
        foreach (var page in pages) characters.Add(page);
        return new RepLayout(pages, outline, characters);
    }

    private void LayoutPack(TeamEvaluation team, Labels labels, Action<LaidOutPage> sink, List<OutlineNode>? outline = null)
    {
        outline ??= [];
        var flow = new PageFlow(_measurer, sink);
        TeamSummary.Layout(flow, team, labels, outline);
        // Ranked reps first, then those not scored (no rank, no total), as in the ranking table.
        foreach (var rep in team.Reps.Where(r => r.Scored).Concat(team.Reps.Where(r => !r.Scored)))
        {
            var title = rep.Scored ? $"{rep.Rank}. {rep.RepName} ({Format.Score(rep.TotalScore)})" : $"{rep.RepName}{labels.InParentheses(labels.NotScored)}";
            var node = new OutlineNode(title, flow.NextPageIndex, 0);
            outline.Add(node);
            RepReport.Layout(flow, rep, Labels.For(rep.Language), node.Children);
        }
        flow.Finish();
    }

    // Writing --------------------------------------------------------------------------------------------------------

    private void Write(Stream output, Labels labels, string title, string? author, int pageCount, CharacterSet characters,
        List<OutlineNode> outline, bool large, string? footerNote, Action<PageWriter> drawPages)
    {
        if (footerNote is not null) characters.Add(footerNote);
        var missing = characters.Missing(Fonts);
        if (missing.Length > 0)
            throw new ReportFontMissingException($"{Fonts.MessageFor(labels.Language)} (\"{missing}\")");
        using var typeface = SubsetTypeface(characters);

        // Skia writes first; the outline is appended after, which needs to read back what Skia wrote.
        var direct = output.CanSeek && output.CanRead && output.CanWrite;
        var target = direct ? output
            : large ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose)
            : new MemoryStream();
        try
        {
            var start = target.Position;
            var metadata = SKDocumentPdfMetadata.Default; // keeps Skia's raster DPI and encoding quality
            metadata.Title = title;
            metadata.Author = string.IsNullOrWhiteSpace(author) ? "SalesPerf" : author;
            metadata.Subject = labels.ReportTitle;
            metadata.Creator = "SalesPerf";
            metadata.Producer = "SalesPerf (SkiaSharp)";
            using (var skStream = new SKManagedWStream(target, disposeManagedStream: false))
            using (var document = SKDocument.CreatePdf(skStream, metadata))
            using (var writer = new PageWriter(document, typeface.Typeface, labels, pageCount, footerNote))
            {
                drawPages(writer);
                document.Close();
            }
            PdfOutlineAppender.Append(target, start, outline, labels.Language, Style.PageHeight);
            if (!direct)
            {
                target.Position = 0;
                target.CopyTo(output);
                output.Flush();
            }
        }
        finally
        {
            if (!direct) target.Dispose();
        }
    }

    /// <summary>The subset font for these characters (or the full font when it cannot be subset).</summary>
    internal SubsetFont SubsetTypeface(CharacterSet characters)
    {
        var full = Fonts.Typeface ?? SKTypeface.Default;
        if (Fonts.Face is null) return new SubsetFont(full, owned: false);
        var mapping = characters.Chars.Select(c => (c, Fonts.Glyph(c))).ToList();
        var bytes = TrueTypeSubsetter.Subset(Fonts.Face, mapping);
        var subset = bytes is null ? null : SKTypeface.FromData(SKData.CreateCopy(bytes));
        return subset is null ? new SubsetFont(full, owned: false) : new SubsetFont(subset, owned: true);
    }

    internal sealed class SubsetFont(SKTypeface typeface, bool owned) : IDisposable
    {
        public SKTypeface Typeface { get; } = typeface;

        public void Dispose()
        {
            if (owned) Typeface.Dispose();
        }
    }
}

/// <summary>The characters a document draws (its pages plus the footer's digits and labels).</summary>
internal sealed class CharacterSet
{
    private readonly bool[] _seen = new bool[65536];
    private readonly List<char> _chars = [];

    public CharacterSet(Labels labels)
    {
        Add("0123456789…—–·" + labels.PageOf(0, 0) + labels.Product);
    }

    public IReadOnlyList<char> Chars => _chars;

    public void Add(LaidOutPage page)
    {
        Add(page.HeaderLeft);
        Add(page.HeaderRight);
        foreach (var op in page.Ops) if (op.Text is not null) Add(op.Text);
    }

    public void Add(string s)
    {
        foreach (var c in s)
        {
            if (_seen[c]) continue;
            _seen[c] = true;
            _chars.Add(c);
        }
    }

    /// <summary>
    /// The Chinese (CJK) characters the font cannot draw: without a CJK font a report must not print boxes for names and
    /// reasons. Other rare characters (an emoji in a comment) print as the font's missing-glyph mark rather than failing.
    /// </summary>
    public string Missing(ReportFonts fonts) => new(_chars.Where(c => TextMeasurer.IsWide(c) && fonts.IsMissing(c)).Take(12).ToArray());
}
