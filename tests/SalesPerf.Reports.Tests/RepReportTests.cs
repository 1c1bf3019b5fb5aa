using SalesPerf.Reports.Tests.Samples;

namespace SalesPerf.Reports.Tests;

public sealed class RepReportTests
{
    [Fact]
    public void Chinese_report_extracts_the_rep_name_each_dimension_score_and_each_delay()
    {
        var rep = EvaluationSamples.Rep("zh-CN", name: "张伟");
        var pdf = new PdfText(RenderHelper.Rep(rep));

        Assert.Contains("张伟", pdf.Pages[0]);
        Assert.Contains("华北电网团队", pdf.Pages[0]);
        Assert.Contains("2026-03-01–2026-03-31", pdf.Pages[0]);
        Assert.Contains(rep.TotalScore.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), pdf.Pages[0]);
        foreach (var d in rep.Dimensions)
        {
            var score = d.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(PdfText.Squash(d.Name), pdf.All);
            Assert.Contains(score, pdf.Pages[0]); // the cover's dimension table
            Assert.Contains(score, pdf.Pages[1]); // the chart's bar labels
        }
        foreach (var delay in rep.Delays)
        {
            var page = Assert.Single(pdf.PagesWith(delay.Reason));
            var deduction = delay.Deduction > 0 ? "-" + delay.Deduction.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "0.0";
            // The row reads: deal, stage, days late, reason, attribution, deduction, counts.
            Assert.Contains(PdfText.Squash(delay.Reason + delay.Attribution + deduction + (delay.CountsAgainstRep ? "是" : "否")), pdf.Pages[page - 1]);
        }
        foreach (var c in rep.Comments) Assert.Single(pdf.PagesWith(c.Text));
        foreach (var t in rep.Training) Assert.Single(pdf.PagesWith(t.Title));
        foreach (var i in rep.Dimensions.SelectMany(d => d.Indicators)) Assert.Single(pdf.PagesWith(i.HowComputed));
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void Chinese_report_has_page_numbers_an_outline_per_section_and_metadata()
    {
        var rep = EvaluationSamples.Rep("zh-CN", name: "张伟");
        var pdf = new PdfText(RenderHelper.Rep(rep));

        Assert.InRange(pdf.Pages.Count, 3, 6);
        for (var p = 1; p <= pdf.Pages.Count; p++) Assert.Contains($"第{p}页，共{pdf.Pages.Count}页", pdf.Pages[p - 1]);

        string[] sections = ["封面", "各维度得分", "指标明细", "目标完成情况", "商机阶段时间线", "延误明细", "扣分明细（逐条）", "退回记录", "经理评语", "疑问与答复", "培训建议", "附录：本期跟进记录"];
        Assert.Equal(sections, pdf.Outline.Select(m => m.Title));
        Assert.Equal(1, pdf.Outline[0].Page);
        Assert.Equal(2, pdf.Outline[1].Page);
        foreach (var mark in pdf.Outline.Skip(1))
            Assert.Contains(mark.Page, pdf.PagesWith(mark.Title)); // the heading is on the page the bookmark opens
        Assert.Equal(pdf.Outline.Select(m => m.Page).Order(), pdf.Outline.Select(m => m.Page));

        Assert.Equal("销售绩效评估报告 – 张伟 – 2026-03-01 – 2026-03-31", pdf.Title);
        Assert.Equal("王经理", pdf.Author);
        Assert.Contains("/Lang <FEFF007A0068002D0043004E>", System.Text.Encoding.Latin1.GetString(pdf.Bytes));
        Assert.True(pdf.Bytes.Length < 250_000, $"the PDF embeds only the glyphs it uses ({pdf.Bytes.Length} bytes)");
    }

    [Fact]
    public void English_report_uses_english_headings_and_page_numbers()
    {
        var rep = EvaluationSamples.Rep("en");
        var pdf = new PdfText(RenderHelper.Rep(rep));

        Assert.Contains(PdfText.Squash(rep.RepName), pdf.Pages[0]);
        Assert.Contains("Salesperformanceevaluation", pdf.Pages[0]);
        Assert.Contains("Rank1of8", pdf.Pages[0]);
        for (var p = 1; p <= pdf.Pages.Count; p++) Assert.Contains($"Page{p}of{pdf.Pages.Count}", pdf.Pages[p - 1]);
        Assert.Equal(["Cover", "Score by dimension", "Indicators", "Targets", "Deal timelines", "Delays", "Deductions, line by line", "Send-backs", "Manager comments", "Questions and answers", "Training suggestions", "Appendix: follow-ups in the period"], pdf.Outline.Select(m => m.Title));
        foreach (var delay in rep.Delays) Assert.Single(pdf.PagesWith(delay.Reason));
        Assert.DoesNotContain(pdf.All, c => c >= '\u4E00' && c <= '\u9FFF');
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void Long_tables_break_across_pages_with_the_header_repeated_and_nothing_overflows()
    {
        var sample = EvaluationSamples.Rep("zh-CN");
        var longReason = string.Concat(Enumerable.Repeat("客户方项目负责人更换，新负责人要求重新评审技术方案和报价（含 Appendix-B 的 SCADA interface specification），因此本阶段顺延。", 3));
        var delays = Enumerable.Range(1, 40).Select(i => sample.Delays[i % sample.Delays.Count] with { Reason = $"#{i:00} " + (i % 5 == 0 ? longReason : sample.Delays[i % sample.Delays.Count].Reason) }).ToList();
        var rep = sample with { Delays = delays };
        var pdf = new PdfText(RenderHelper.Rep(rep));

        // "#NN" plus the reason's first words: "event #NN" of the deductions table must not match.
        var delayPages = delays.Select(d => pdf.PagesWith(d.Reason[..8]).Single()).Distinct().ToList();
        Assert.True(delayPages.Count >= 2, "40 delays need more than one page");
        foreach (var page in delayPages)
            Assert.Contains("商机阶段截止时间提交时间逾期天数延误原因责任归属扣分计入扣分经理决定", pdf.Pages[page - 1]); // the header row, repeated (now with due, submit time and decision)
        foreach (var d in delays) Assert.Single(pdf.PagesWith(d.Reason));
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void One_renderer_serves_concurrent_reports()
    {
        var renderer = RenderHelper.Renderer;
        var reps = Enumerable.Range(0, 8).Select(i => EvaluationSamples.Rep(i % 2 == 0 ? "zh-CN" : "en", i)).ToList();
        var pdfs = new byte[reps.Count][];
        Parallel.For(0, reps.Count, i =>
        {
            using var stream = new MemoryStream();
            renderer.RenderRep(reps[i], stream);
            pdfs[i] = stream.ToArray();
        });
        for (var i = 0; i < reps.Count; i++)
        {
            var pdf = new PdfText(pdfs[i]);
            Assert.Contains(PdfText.Squash(reps[i].RepName), pdf.Pages[0]);
            Assert.Equal(12, pdf.Outline.Count);
        }
    }

    [Fact]
    public void Pages_render_to_png_artifacts()
    {
        var folder = RenderHelper.ArtifactsFolder();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var path = Path.Combine(folder, $"rep-{language}.pdf");
            File.WriteAllBytes(path, RenderHelper.Rep(EvaluationSamples.Rep(language, name: language == "en" ? null : "张伟")));
            foreach (var old in Directory.GetFiles(folder, $"rep-{language}-*.png")) File.Delete(old);
            var pngs = RenderHelper.ToPng(path, 1, 5, Path.Combine(folder, $"rep-{language}"));
            Assert.True(pngs.Count >= 3, $"pages rendered: {string.Join(", ", pngs)}");
            Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 10_000, $"{p} has content"));
        }
    }
}

public sealed class EdgeCaseTests
{
    [Fact]
    public void Empty_sections_say_so_and_an_empty_team_still_makes_a_summary()
    {
        var rep = EvaluationSamples.Rep("zh-CN") with { Deals = [], Delays = [], Comments = [], Training = [] };
        var pdf = new PdfText(RenderHelper.Rep(rep));
        Assert.Contains("本期没有商机记录。", pdf.All);
        Assert.Contains("本期没有延误。", pdf.All);
        Assert.Contains("本期没有经理评语。", pdf.All);
        Assert.Equal(12, pdf.Outline.Count);

        var team = new PdfText(RenderHelper.Pack(EvaluationSamples.Team(0, "en")));
        Assert.Contains("Teamperformancereview", team.Pages[0]);
        Assert.Single(team.Outline);
    }

    [Fact]
    public void Text_outside_the_font_does_not_stop_a_report()
    {
        var rep = EvaluationSamples.Rep("zh-CN");
        rep = rep with { Comments = [.. rep.Comments, new Engine.Evaluation.ManagerComment("王经理", rep.Comments[0].At, "继续保持 👍 ✓")] };
        var pdf = new PdfText(RenderHelper.Rep(rep));
        Assert.Contains("继续保持", pdf.All);
    }
}
