using SalesPerf.Reports.Fonts;
using SalesPerf.Reports.Layout;
using SalesPerf.Reports.Pdf;
using SalesPerf.Reports.Tests.Samples;
using SkiaSharp;

namespace SalesPerf.Reports.Tests;

public sealed class PdfStructureTests
{
    [Fact]
    public void Outline_update_points_at_the_right_pages_of_a_deep_skia_page_tree()
    {
        // 40 pages make Skia build a nested page tree.
        using var pdf = new MemoryStream();
        using (var wstream = new SKManagedWStream(pdf, disposeManagedStream: false))
        using (var document = SKDocument.CreatePdf(wstream))
        {
            for (var i = 0; i < 40; i++)
            {
                document.BeginPage(200, 300);
                document.EndPage();
            }
            document.Close();
        }
        var outline = new List<OutlineNode> { new("first", 0, 0), new("章节 二", 17, 120), new("last", 39, 0) };
        outline[1].Children.Add(new OutlineNode("child", 18, 10));
        PdfOutlineAppender.Append(pdf, 0, outline, "en", 300);

        var text = new PdfText(pdf.ToArray());
        Assert.Equal(40, text.Pages.Count);
        Assert.Equal([("first", 1), ("章节 二", 18), ("last", 40)], text.Outline.Select(m => (m.Title, m.Page)));
        Assert.Equal(("child", 19), (text.Outline[1].Children[0].Title, text.Outline[1].Children[0].Page));
        Assert.EndsWith("%%EOF\n", System.Text.Encoding.Latin1.GetString(pdf.ToArray()));
    }

    [Fact]
    public void Outline_works_on_a_pdf_written_after_other_bytes_in_the_stream()
    {
        using var output = new MemoryStream();
        output.Write("prefix"u8);
        RenderHelper.Renderer.RenderRep(EvaluationSamples.Rep("en"), output);
        var pdf = new PdfText(output.ToArray()[6..]);
        Assert.Equal(12, pdf.Outline.Count);
    }

    [Fact]
    public void Non_seekable_outputs_get_the_same_document()
    {
        var rep = EvaluationSamples.Rep("zh-CN");
        using var sink = new MemoryStream();
        RenderHelper.Renderer.RenderRep(rep, new ForwardOnlyStream(sink));
        var pdf = new PdfText(sink.ToArray());
        Assert.Equal(12, pdf.Outline.Count);
        Assert.Contains(rep.RepName, pdf.Pages[0]);

        using var packSink = new MemoryStream();
        RenderHelper.Renderer.RenderTeamPack(EvaluationSamples.Team(3), new ForwardOnlyStream(packSink));
        Assert.Equal(4, new PdfText(packSink.ToArray()).Outline.Count);
    }

    [Fact]
    public void Subset_font_keeps_only_the_used_glyphs_with_their_advances()
    {
        var fonts = RenderHelper.Fonts;
        var chars = "张伟销售绩效 Score 87.5".Distinct().ToList();
        var bytes = TrueTypeSubsetter.Subset(fonts.Face!, chars.Select(c => (c, fonts.Glyph(c))).ToList());
        Assert.NotNull(bytes);
        Assert.InRange(bytes!.Length, 1_000, 40_000);
        using var subset = SKTypeface.FromData(SKData.CreateCopy(bytes));
        Assert.NotNull(subset);
        using var font = new SKFont(subset, 1000) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };
        foreach (var c in chars)
        {
            Assert.NotEqual(0, font.GetGlyph(c));
            Assert.Equal(fonts.Advance(c) * 1000, font.MeasureText(c.ToString()), 2);
        }
        Assert.Equal(0, font.GetGlyph('中')); // not in the subset
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
