using System.Globalization;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;
using SalesPerf.Reports.Tests.Samples;

namespace SalesPerf.Reports.Tests;

/// <summary>Weights print as the percentages the evaluator uses; unscored parts print as "not scored", never as 0; the total adds up on the cover.</summary>
public sealed class ScoringDisplayTests
{
    private static string S(decimal d) => d.ToString("0.0", CultureInfo.InvariantCulture);

    [Fact]
    public void Weights_are_percentages_so_one_percent_prints_as_one_percent()
    {
        Assert.Equal("1%", Format.Weight(1));
        Assert.Equal("30%", Format.Weight(30));
        Assert.Equal("12.5%", Format.Weight(12.5m));
        Assert.Equal("100%", Format.Weight(100));
        Assert.Equal("0%", Format.Weight(0));

        var sample = EvaluationSamples.Rep("zh-CN");
        var dims = sample.Dimensions.ToList();
        dims[0] = dims[0] with { Weight = 1 };
        dims[1] = dims[1] with { Weight = 69 };
        var pdf = new PdfText(RenderHelper.Rep(sample with { Dimensions = dims }));
        Assert.Contains($"结果1%{S(dims[0].Score)}", pdf.Pages[0]);
        Assert.Contains("结果(1%)", pdf.Pages[1]);
        Assert.DoesNotContain("结果(100%)", pdf.All);
    }

    [Fact]
    public void The_cover_shows_how_the_total_adds_up_from_the_dimension_scores_and_weights()
    {
        var rep = EvaluationSamples.Rep("zh-CN", 3);
        var pdf = new PdfText(RenderHelper.Rep(rep));

        var terms = string.Join("+", rep.Dimensions.Select(d => $"{S(d.Score)}×{d.Weight:0}%"));
        Assert.Contains($"总分计算：总分={terms}={S(rep.TotalScore)}", pdf.Pages[0]);
        // ... and the figures on the cover do add up (half away from zero, one decimal).
        Assert.Equal(100, rep.Dimensions.Sum(d => d.Weight));
        Assert.Equal(rep.TotalScore, Math.Round(rep.Dimensions.Sum(d => d.Score * d.Weight) / 100, 1, MidpointRounding.AwayFromZero));
        // Each dimension's score adds up from its indicators, under its table.
        foreach (var d in rep.Dimensions)
            Assert.Contains("得分=" + string.Join("+", d.Indicators.Select(i => $"{S(i.Score)}×{i.Weight:0}%")) + $"={S(d.Score)}", pdf.All);
    }

    [Fact]
    public void Unscored_indicator_and_dimension_print_a_dash_and_not_scored_never_zero()
    {
        var rep = EvaluationSamples.WithoutScores(EvaluationSamples.Rep("zh-CN", 2), "response", "ability");
        var ability = rep.Dimensions.Single(d => d.Key == "ability");
        var process = rep.Dimensions.Single(d => d.Key == "process");
        Assert.False(ability.Scored);
        var pdf = new PdfText(RenderHelper.Rep(rep));

        // Cover: the row says so, the total is the weighted mean of the scored dimensions with their weights' sum shown.
        Assert.Contains($"能力20%未评分{S(ability.TeamAverage)}—", pdf.Pages[0]);
        Assert.DoesNotContain("能力20%0.0", pdf.Pages[0]);
        var scored = rep.Dimensions.Where(d => d.Scored).ToList();
        var terms = string.Join("+", scored.Select(d => $"{S(d.Score)}×{d.Weight:0}%"));
        Assert.Contains($"总分=({terms})÷80%={S(rep.TotalScore)}", pdf.Pages[0]);
        Assert.Equal(rep.TotalScore, Math.Round(scored.Sum(d => d.Score * d.Weight) / 80, 1, MidpointRounding.AwayFromZero));
        Assert.Contains("“能力”未评分（本期没有可计入的数据），其权重20%按比例分给其余维度。", pdf.Pages[0]);

        // Chart: no bar value for the rep's ability, a "not scored" label in its place; the note under the chart.
        Assert.Contains("未评分", pdf.Pages[1]);
        Assert.Contains("“能力”未评分", pdf.Pages[1]);

        // Indicators: the unscored indicator's score is a dash, its weight goes to the others (shown in the formula).
        var response = process.Indicators.Single(i => i.Key == "response");
        Assert.Contains($"{PdfText.Squash(response.Name)}—", pdf.All);
        var counted = process.Indicators.Where(i => i.Scored).ToList();
        Assert.Contains("得分=(" + string.Join("+", counted.Select(i => $"{S(i.Score)}×{i.Weight:0}%")) + $")÷70%={S(process.Score)}", pdf.All);
        Assert.Contains($"“{response.Name}”未评分（本期没有可计入的数据），其权重30%按比例分给本维度其余指标。", pdf.All);
        Assert.Contains("权重20%·得分—（未评分）", pdf.All);
        Assert.Contains("本维度未评分：本期没有可计入的数据，不计入总分。", pdf.All);
        foreach (var i in ability.Indicators) Assert.Contains($"{PdfText.Squash(i.Name)}——", pdf.All); // value and score
        Assert.Empty(pdf.OutOfBounds);

        // Pages to look at: artifacts/test-results/reports/rep-unscored-*.png
        var folder = RenderHelper.ArtifactsFolder();
        var path = Path.Combine(folder, "rep-unscored.pdf");
        File.WriteAllBytes(path, pdf.Bytes);
        foreach (var old in Directory.GetFiles(folder, "rep-unscored-*.png")) File.Delete(old);
        Assert.Equal(3, RenderHelper.ToPng(path, 1, 3, Path.Combine(folder, "rep-unscored")).Count);
    }

    [Fact]
    public void English_report_says_not_scored_and_a_team_without_any_score_has_no_team_average()
    {
        var rep = EvaluationSamples.WithoutScores(EvaluationSamples.Rep("en", 1), "ability");
        rep = rep with { Dimensions = rep.Dimensions.Select(d => d.Key == "ability" ? d with { TeamAverage = 0, TeamScored = false } : d).ToList() };
        var pdf = new PdfText(RenderHelper.Rep(rep));

        Assert.Contains("Ability20%notscored——", pdf.Pages[0]);
        Assert.Contains("Howthetotaliscomputed:Totalscore=(", pdf.Pages[0]);
        Assert.Contains("Notscored:Ability(nothingtocountintheperiod);itsweight(20%)issharedbytheotherdimensionsinproportion.", pdf.Pages[0]);
        Assert.Contains("notscored", pdf.Pages[1]);
        var chart = pdf.Pages[1][..pdf.Pages[1].IndexOf("Indicators", StringComparison.Ordinal)];
        Assert.DoesNotMatch(@"(?<![0-9])0\.0", chart); // neither the rep's nor the team's ability bar reads as a zero
        Assert.Contains("weight20%·score—(notscored)·Teamaverage—", pdf.All);
        Assert.DoesNotContain(pdf.All, c => c >= '\u4E00' && c <= '\u9FFF');
        Assert.Empty(pdf.OutOfBounds);
    }

    [Fact]
    public void Team_pack_ranks_unscored_dimensions_as_a_dash_and_averages_only_the_scored_reps()
    {
        var team = EvaluationSamples.Team(4);
        var reps = team.Reps.Select((r, i) => i < 2 ? EvaluationSamples.WithoutScores(r, "ability") : r).ToList();
        var pdf = new PdfText(RenderHelper.Pack(team with { Reps = reps }));

        Assert.Contains("经理：王经理", pdf.Pages[0]); // a Chinese colon on a Chinese page
        var ranking = pdf.Pages[pdf.Outline[0].Children.Single(c => c.Title == "排名").Page - 1];
        foreach (var r in reps)
        {
            var cells = string.Concat(r.Dimensions.Select(d => d.Scored ? S(d.Score) : "—"));
            Assert.Contains($"{r.RepName}{S(r.TotalScore)}{cells}", ranking);
        }
        var abilityAverage = Math.Round(reps.Skip(2).Average(r => r.Dimensions.Single(d => d.Key == "ability").Score), 1, MidpointRounding.AwayFromZero);
        Assert.Contains(S(abilityAverage), pdf.Pages[0]);
    }
}
