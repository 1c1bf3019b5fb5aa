using SalesPerf.Reports.Tests.Samples;

namespace SalesPerf.Reports.Tests;

public sealed class FontTests
{
    [Fact]
    public void System_font_is_wqy_microhei_with_chinese()
    {
        var fonts = RenderHelper.Fonts;
        Assert.True(fonts.HasCjk, fonts.Message);
        Assert.Equal(ReportFonts.WqyMicroHeiPath, fonts.FontPath);
        Assert.Contains("WenQuanYi", fonts.Message);
    }

    [Fact]
    public void Configured_font_path_is_used()
    {
        using var fonts = new ReportFonts(ReportFonts.WqyMicroHeiPath, searchSystemFonts: false);
        Assert.True(fonts.HasCjk);
        Assert.Equal(ReportFonts.WqyMicroHeiPath, fonts.FontPath);
    }

    [Fact]
    public void Without_a_cjk_font_the_renderer_says_so_instead_of_printing_boxes()
    {
        using var fonts = new ReportFonts("/nonexistent/fonts/none.ttf", searchSystemFonts: false);

        Assert.False(fonts.HasCjk);
        Assert.Contains("/nonexistent/fonts/none.ttf", fonts.Message);
        Assert.Contains("fonts-wqy-microhei", fonts.Message);
        Assert.Contains("SalesPerf:Reports:FontPath", fonts.Message);
        Assert.Contains("未找到中文", fonts.MessageFor("zh-CN"));

        var renderer = new ReportRenderer(fonts);
        var error = Assert.Throws<ReportFontMissingException>(() => renderer.RenderRep(EvaluationSamples.Rep("zh-CN"), new MemoryStream()));
        Assert.Contains("fonts-wqy-microhei", error.Message);
        Assert.Throws<ReportFontMissingException>(() => renderer.RenderTeamPack(EvaluationSamples.Team(3), new MemoryStream()));

        // A report without Chinese text still renders with the Latin fallback font.
        using var english = new MemoryStream();
        renderer.RenderRep(EvaluationSamples.Rep("en"), english);
        var pdf = new PdfText(english.ToArray());
        Assert.Contains("Salesperformanceevaluation", pdf.Pages[0]);
    }

    [Fact]
    public void A_file_that_is_not_a_cjk_font_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-font-{Guid.NewGuid():N}.ttf");
        File.WriteAllText(path, "not a font");
        try
        {
            using var fonts = new ReportFonts(path, searchSystemFonts: false);
            Assert.False(fonts.HasCjk);
            Assert.Contains("has no Chinese characters", fonts.Message);
        }
        finally { File.Delete(path); }
    }
}
