using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Tests.Samples;

namespace SalesPerf.Reports.Tests;

/// <summary>Every report says which computation it is: the version, when it was generated (company time) and closed or provisional, on the cover and in each footer.</summary>
public sealed class StampTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly EvaluationStamp ClosedV2 = new(2, new DateTimeOffset(2026, 4, 6, 9, 30, 0, Shanghai), Closed: true, "客户回款数据更正");
    private static readonly EvaluationStamp Provisional = new(0, new DateTimeOffset(2026, 4, 3, 14, 5, 0, Shanghai), Closed: false);

    [Fact]
    public void A_closed_chinese_report_prints_its_version_time_and_closed_on_the_cover_and_every_footer()
    {
        var rep = EvaluationSamples.Rep("zh-CN", name: "张伟") with { Stamp = ClosedV2 };
        var pdf = new PdfText(RenderHelper.Rep(rep));

        var line = PdfText.Squash("第 2 版 · 生成于 2026-04-06 09:30（UTC+08:00）· 已结账");
        Assert.Contains("2026-03-01–2026-03-31", pdf.Pages[0]);
        Assert.Equal(2, pdf.Pages[0].Split(line).Length - 1); // on the band and in the cover's footer
        Assert.Contains(PdfText.Squash("重新结账原因：客户回款数据更正"), pdf.Pages[0]);
        Assert.All(pdf.Pages, page => Assert.Contains(line, page));
        Assert.DoesNotContain("临时结果", pdf.All);
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void A_provisional_english_report_says_provisional_and_never_closed()
    {
        var rep = EvaluationSamples.Rep("en") with { Stamp = Provisional };
        var pdf = new PdfText(RenderHelper.Rep(rep));

        var line = PdfText.Squash("Provisional · generated 2026-04-03 14:05 (UTC+08:00) · may still change");
        Assert.All(pdf.Pages, page => Assert.Contains(line, page));
        Assert.DoesNotContain("Version", pdf.All);
        Assert.DoesNotContain("Closed", pdf.All);
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void A_team_pack_prints_the_stamp_on_its_cover_each_rep_cover_and_every_footer()
    {
        var team = EvaluationSamples.Team(3, "en");
        team = team with { Stamp = ClosedV2 with { ReopenReason = null }, Reps = team.Reps.Select(r => r with { Stamp = ClosedV2 with { ReopenReason = null } }).ToList() };
        var pdf = new PdfText(RenderHelper.Pack(team));

        var line = PdfText.Squash("Version 2 · generated 2026-04-06 09:30 (UTC+08:00) · Closed");
        Assert.All(pdf.Pages, page => Assert.Contains(line, page));
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void An_unstamped_report_prints_no_stamp()
    {
        var pdf = new PdfText(RenderHelper.Rep(EvaluationSamples.Rep("en")));
        Assert.DoesNotContain("Provisional", pdf.All);
        Assert.DoesNotContain("generated", pdf.All);
    }

    [Fact]
    public void Stamped_covers_render_to_png_artifacts()
    {
        var folder = RenderHelper.ArtifactsFolder();
        foreach (var (name, rep) in new[]
                 {
                     ("stamp-closed-zh", EvaluationSamples.Rep("zh-CN", name: "张伟") with { Stamp = ClosedV2 }),
                     ("stamp-provisional-en", EvaluationSamples.Rep("en") with { Stamp = Provisional }),
                 })
        {
            var path = Path.Combine(folder, $"{name}.pdf");
            File.WriteAllBytes(path, RenderHelper.Rep(rep));
            foreach (var old in Directory.GetFiles(folder, $"{name}-*.png")) File.Delete(old);
            var pngs = RenderHelper.ToPng(path, 1, 2, Path.Combine(folder, name));
            Assert.Equal(2, pngs.Count);
        }
    }
}
