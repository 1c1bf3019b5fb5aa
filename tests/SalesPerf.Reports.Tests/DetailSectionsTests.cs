using System.Globalization;
using SalesPerf.Reports.Tests.Samples;

namespace SalesPerf.Reports.Tests;

/// <summary>The explanation sections: targets, deductions line by line, the extended delays, send-backs, follow-ups, presence and not-scored reps.</summary>
public sealed class DetailSectionsTests
{
    [Theory]
    [InlineData("zh-CN", "目标完成情况", "扣分明细（逐条）", "退回记录", "附录：本期跟进记录", "未设定——不计分", "合计5条，−7分", "事件#15")]
    [InlineData("en", "Targets", "Deductions, line by line", "Send-backs", "Appendix: follow-ups in the period", "not set — not scored", "Sum of 5 line(s): −7 points", "event #15")]
    public void Report_explains_targets_deductions_send_backs_and_follow_ups(string language, string targets, string deductions, string sendBacks,
        string followUps, string notSet, string sum, string eventNo)
    {
        var rep = EvaluationSamples.Rep(language);
        var pdf = new PdfText(RenderHelper.Rep(rep));

        foreach (var heading in new[] { targets, deductions, sendBacks, followUps })
        {
            var mark = Assert.Single(pdf.Outline, m => m.Title == heading);
            Assert.Contains(mark.Page, pdf.PagesWith(heading));
        }
        Assert.Contains(PdfText.Squash(notSet), pdf.All);
        Assert.Contains(PdfText.Squash(sum), pdf.All);
        Assert.Equal(-7m, rep.Deductions.Sum(d => d.Points));
        Assert.Contains(PdfText.Squash(eventNo), pdf.All);
        foreach (var d in rep.Deductions)
        {
            Assert.Single(pdf.PagesWith(d.Rule));
            Assert.Single(pdf.PagesWith(d.Inputs));
        }
        // A deduction row reads: date and time, deal, stage, what, points, rule, inputs, event.
        var first = rep.Deductions[0];
        Assert.Contains(PdfText.Squash($"2026-03-10 09:00 {first.DealTitle} {first.StageName}"), pdf.All);
        Assert.Contains(PdfText.Squash($"−3 {first.Rule} {first.Inputs}"), pdf.All);
        Assert.Contains(PdfText.Squash($"+3 {rep.Deductions[1].Rule}"), pdf.All);
        foreach (var s in rep.SendBacks) Assert.Single(pdf.PagesWith(s.Comment));
        Assert.Contains(PdfText.Squash($"{rep.SendBacks[0].Comment} 1.8 100.0"), pdf.All);
        foreach (var f in rep.FollowUps) Assert.Single(pdf.PagesWith(f.Content));
        Assert.Contains(PdfText.Squash($"2026-03-03 {rep.FollowUps[0].Customer} {rep.FollowUps[0].DealTitle} {rep.FollowUps[0].Content}"), pdf.All);
        foreach (var t in rep.Targets) Assert.Contains(PdfText.Squash(t.Name), pdf.All);
        Assert.Contains("5,000,0004,200,00084%", pdf.All);
        Assert.Empty(pdf.OutOfBounds);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Delay_rows_show_due_and_submit_time_to_the_minute_and_the_managers_decision(string language)
    {
        var rep = EvaluationSamples.Rep(language);
        var pdf = new PdfText(RenderHelper.Rep(rep));

        var reclassified = rep.Delays.Single(d => d.DecisionKey == "reclassified");
        var page = Assert.Single(pdf.PagesWith(reclassified.Decision));
        Assert.Contains(PdfText.Squash($"2026-03-20 18:00 2026-03-24 17:05 4"), pdf.Pages[page - 1]);
        foreach (var d in rep.Delays)
        {
            Assert.Single(pdf.PagesWith(d.Decision));
            Assert.Single(pdf.PagesWith(d.Reason + d.Attribution)); // reason and attribution stay adjacent
        }
    }

    [Theory]
    [InlineData("zh-CN", "本期在团队的时间：2026-03-16至2026-03-31——仅按这段时间评估。", "不评分：本期没有应完成的工作")]
    [InlineData("en", "Present in the team from 2026-03-16 to 2026-03-31 — judged on that part only.", "Not scored: nothing was expected in the period")]
    public void Presence_and_not_scored_notes_are_on_the_first_page(string language, string presence, string notScored)
    {
        var part = EvaluationSamples.Rep(language) with { Presence = new(new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 1)) };
        var pdf = new PdfText(RenderHelper.Rep(part));
        Assert.Contains(PdfText.Squash(presence), pdf.Pages[0]);
        Assert.DoesNotContain(PdfText.Squash(notScored), pdf.All);

        var none = EvaluationSamples.Rep(language) with { Scored = false };
        pdf = new PdfText(RenderHelper.Rep(none));
        Assert.Contains(PdfText.Squash(notScored), pdf.Pages[0]);
        Assert.DoesNotContain(PdfText.Squash(presence), pdf.All);
        Assert.Empty(pdf.OutOfBounds);
    }

    [Theory]
    [InlineData("zh-CN", "未评分", "（未评分）")]
    [InlineData("en", "not scored", " (not scored)")]
    public void Team_pack_lists_not_scored_reps_after_the_ranking_without_a_rank(string language, string notScored, string suffix)
    {
        var team = EvaluationSamples.Team(5, language);
        var newcomer = EvaluationSamples.Rep(language, 9, name: language == "en" ? "Zoe Newcomer" : "欧阳新") with { Scored = false, Rank = 0, TotalScore = 0 };
        team = team with { Reps = [team.Reps[0], newcomer, .. team.Reps.Skip(1)] };
        var pdf = new PdfText(RenderHelper.Pack(team));

        var rankingPage = pdf.Pages[pdf.Outline[0].Children[1].Page - 1];
        var ranked = team.Reps.Where(r => r.Scored).ToList();
        var at = 0;
        foreach (var rep in ranked)
        {
            var row = PdfText.Squash($"{rep.Rank}{rep.RepName}{rep.TotalScore.ToString("0.0", CultureInfo.InvariantCulture)}");
            at = rankingPage.IndexOf(row, at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"ranking row '{row}' in order");
        }
        var unscoredRow = rankingPage.IndexOf(PdfText.Squash($"—{newcomer.RepName}{notScored}"), StringComparison.Ordinal);
        Assert.True(unscoredRow > at, "the not-scored rep comes after the ranked ones, with a dash for the rank");
        Assert.Equal(PdfText.Squash(newcomer.RepName + suffix), PdfText.Squash(pdf.Outline[^1].Title));
        Assert.Equal(ranked.Select(r => $"{r.Rank}. {r.RepName} ({r.TotalScore.ToString("0.0", CultureInfo.InvariantCulture)})"),
            pdf.Outline.Skip(1).SkipLast(1).Select(m => m.Title));
    }
}
