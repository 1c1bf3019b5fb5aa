using SalesPerf.Reports.Tests.Samples;

namespace SalesPerf.Reports.Tests;

public sealed class TeamPackTests
{
    [Fact]
    public void Pack_opens_with_the_team_summary_then_every_rep_with_an_outline_entry_per_rep_and_section()
    {
        var team = EvaluationSamples.Team(12);
        var pdf = new PdfText(RenderHelper.Pack(team));

        Assert.Contains("团队绩效评估汇总", pdf.Pages[0]);
        Assert.Contains("华北电网团队", pdf.Pages[0]);
        Assert.Equal(13, pdf.Outline.Count);
        Assert.Equal("团队汇总", pdf.Outline[0].Title);
        Assert.Equal(1, pdf.Outline[0].Page);
        Assert.Equal(["总分分布", "排名"], pdf.Outline[0].Children.Select(c => c.Title));

        for (var i = 0; i < team.Reps.Count; i++)
        {
            var rep = team.Reps[i];
            var mark = pdf.Outline[i + 1];
            Assert.Equal($"{rep.Rank}. {rep.RepName} ({rep.TotalScore:0.0})", mark.Title);
            Assert.Equal(12, mark.Children.Count);
            Assert.Equal(mark.Page, mark.Children[0].Page); // the cover
            var cover = pdf.Pages[mark.Page - 1];
            Assert.StartsWith("销售绩效评估报告", cover);
            Assert.Contains(rep.RepName, cover);
            Assert.Contains($"第{rep.Rank}名/共12人", cover);
            foreach (var child in mark.Children.Skip(1)) Assert.Contains(child.Page, pdf.PagesWith(child.Title));
            var next = i + 2 < pdf.Outline.Count ? pdf.Outline[i + 2].Page : pdf.Pages.Count + 1;
            Assert.All(mark.Children, c => Assert.InRange(c.Page, mark.Page, next - 1));
        }
        for (var p = 1; p <= pdf.Pages.Count; p++) Assert.Contains($"第{p}页，共{pdf.Pages.Count}页", pdf.Pages[p - 1]);
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void Ranking_of_a_large_team_spans_pages_with_the_header_repeated_and_lists_every_rep_in_rank_order()
    {
        var team = EvaluationSamples.Team(70);
        var pdf = new PdfText(RenderHelper.Pack(team));

        var rankingStart = pdf.Outline[0].Children.Single(c => c.Title == "排名").Page;
        var firstRep = pdf.Outline[1].Page;
        Assert.True(firstRep - rankingStart >= 2, "70 reps need more than one ranking page");
        var rankingText = "";
        for (var p = rankingStart; p < firstRep; p++)
        {
            Assert.Contains("排名销售代表总分结果过程能力态度与成长过程扣分（计入总分）本人原因的延误", pdf.Pages[p - 1]);
            rankingText += pdf.Pages[p - 1];
        }
        var at = 0;
        foreach (var rep in team.Reps)
        {
            var row = $"{rep.Rank}{rep.RepName}{rep.TotalScore:0.0}";
            var found = rankingText.IndexOf(row, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"ranking row '{row}' in order");
            at = found + row.Length;
        }
        Assert.Equal(71, pdf.Outline.Count);
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void English_pack_and_summary_pages_render_to_png_artifacts()
    {
        var folder = RenderHelper.ArtifactsFolder();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var team = EvaluationSamples.Team(40, language);
            var path = Path.Combine(folder, $"pack-{language}.pdf");
            File.WriteAllBytes(path, RenderHelper.Pack(team));
            var pdf = new PdfText(File.ReadAllBytes(path));
            if (language == "en")
            {
                Assert.Contains("Teamperformancereview", pdf.Pages[0]);
                Assert.Equal(["Score distribution", "Ranking"], pdf.Outline[0].Children.Select(c => c.Title));
                Assert.Contains($"Page1of{pdf.Pages.Count}", pdf.Pages[0]);
            }
            foreach (var old in Directory.GetFiles(folder, $"pack-{language}-*.png")) File.Delete(old);
            var pngs = RenderHelper.ToPng(path, 1, 3, Path.Combine(folder, $"pack-{language}"));
            Assert.Equal(3, pngs.Count);
        }
    }
}
