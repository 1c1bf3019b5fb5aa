using System.Globalization;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Reports.Layout;

namespace SalesPerf.Reports.Sections;

/// <summary>
/// The sections that explain the score line by line: the presence / not-scored notice, the rep's targets, every
/// deduction with its rule and inputs, the send-backs with the manager's comments, and the follow-ups appendix.
/// </summary>
internal static class DetailSections
{
    /// <summary>The part of the period the rep was judged on, and whether the rep was scored at all; nothing when neither applies.</summary>
    public static void DrawScopeNotice(PageFlow flow, RepEvaluation rep, Labels l)
    {
        var d = l.Details();
        var lines = new List<string>();
        if (rep.Presence is { } p) lines.Add(d.Presence(Format.Date(p.Start), Format.LastDay(p)));
        if (!rep.Scored) lines.Add(d.NotScoredRep);
        if (lines.Count == 0) return;
        const float pad = 8;
        var wrapped = lines.Select(s => flow.Text.Wrap(s, Style.Body, Style.ContentWidth - 2 * pad)).ToList();
        var lineHeight = Style.Body * Style.LineFactor;
        var height = wrapped.Sum(w => w.Count) * lineHeight + 2 * pad - (lineHeight - Style.Body) / 2;
        flow.Y += 14;
        flow.Ensure(height);
        flow.Fill(Style.Margin, flow.Y, Style.ContentWidth, height, 0xFFFFF4E5);
        flow.Stroke(Style.Margin, flow.Y, Style.ContentWidth, height, Style.Late, 0.8f);
        var y = flow.Y + pad;
        foreach (var w in wrapped)
            foreach (var line in w)
            {
                flow.DrawText(Style.Margin + pad, y + Style.Body, line, Style.Body, Style.Ink, bold: true);
                y += lineHeight;
            }
        flow.Y += height;
    }

    public static void DrawTargets(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        var d = l.Details();
        flow.Section(d.Targets, outline, 40);
        if (rep.Targets.Count == 0)
        {
            flow.Paragraph(d.NoTargets, Style.Body, Style.Muted);
            return;
        }
        Table.Draw(flow,
            [new(d.Metric, 3.2f), new(d.Target, 2.2f, Align.Right), new(d.Actual, 1.8f, Align.Right), new(d.Attainment, 1.4f, Align.Right)],
            rep.Targets.Select(t => t.Target is { } target
                ? new TableRow([t.Name, Format.Amount(target), Format.Amount(t.Actual), t.AttainmentPercent is { } a ? Format.Percent(a) : "—"],
                    [0, 0, 0, t.AttainmentPercent is { } pct && pct < 100 ? Style.Bad : 0])
                : new TableRow([t.Name, d.TargetNotSet, Format.Amount(t.Actual), "—"], [0, Style.Muted, 0, Style.Muted])),
            Style.Body);
    }

    public static void DrawDeductions(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        var d = l.Details();
        flow.Section(d.Deductions, outline, 110); // the header with a first (tall) row
        if (rep.Deductions.Count == 0)
        {
            flow.Paragraph(d.NoDeductions, Style.Body, Style.Muted);
            return;
        }
        Table.Draw(flow,
            [new(d.Date, 1.25f), new(l.Deal, 1.9f), new(l.Stage, 1.3f), new(d.What, 1.1f), new(d.Points, 0.8f, Align.Right), new(d.RuleAndInputs, 5.0f), new(d.Event, 1.2f)],
            rep.Deductions.Select(x => new TableRow(
                [Format.MinuteStacked(x.At), x.DealTitle, x.StageName, d.Kind(x.Kind), Format.Points(x.Points), Join(x.Rule, x.Inputs), d.EventNo(x.EventSequence)],
                [0, 0, 0, 0, x.Points < 0 ? Style.Bad : x.Points > 0 ? Style.Good : 0, 0, Style.Muted])));
        // The sum is the "process deductions" indicator's raw value (the evaluator adds up these same lines).
        var sum = rep.Deductions.Sum(x => x.Points);
        var text = d.DeductionSum(rep.Deductions.Count, Format.Points(sum));
        if (rep.Dimensions.SelectMany(x => x.Indicators).FirstOrDefault(i => i.Key == EvaluationModel.Deductions) is { } indicator)
            text += d.SameAsIndicator(indicator.Name, indicator.DisplayValue);
        flow.Paragraph(text + (l.IsZh ? "。" : "."), Style.Body, Style.Ink, bold: true);
    }

    public static void DrawSendBacks(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        var d = l.Details();
        flow.Section(d.SendBacks, outline, 80); // the header with at least a first row
        if (rep.SendBacks.Count == 0)
        {
            flow.Paragraph(d.NoSendBacks, Style.Body, Style.Muted);
            return;
        }
        Table.Draw(flow,
            [new(d.Date, 1.15f), new(l.Deal, 1.9f), new(l.Stage, 1.3f), new(d.SubmissionNo, 0.9f, Align.Right), new(d.ManagerComment, 4.6f), new(d.DaysToAnswer, 1.0f, Align.Right), new(d.AnswerScore, 0.9f, Align.Right)],
            rep.SendBacks.Select(s => new TableRow(
                [Format.Date(s.At), s.DealTitle, s.StageName, s.SubmissionNo.ToString(CultureInfo.InvariantCulture), s.Comment,
                 s.AnsweredAt is null ? $"{Format.Number(s.Days)}\n({d.NotAnswered})" : Format.Number(s.Days), Format.Score(s.Score)],
                [0, 0, 0, 0, 0, s.AnsweredAt is null ? Style.Muted : 0, 0])));
    }

    /// <summary>The rep's questions about lines of this evaluation, open or answered (with the correction made).</summary>
    public static void DrawDisputes(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        var d = l.Details();
        flow.Section(d.Disputes, outline, 80);
        if (rep.Disputes.Count == 0)
        {
            flow.Paragraph(d.NoDisputes, Style.Body, Style.Muted);
            return;
        }
        Table.Draw(flow,
            [new(d.Date, 1.15f), new(d.Questioned, 3.2f), new(d.Question, 3.4f), new(d.DisputeAnswer, 4.0f)],
            rep.Disputes.Select(x => new TableRow(
                [Format.Date(x.AskedAt), x.Subject, x.Question,
                 x.Settled ? $"{x.Answer}{(x.Correction is { } c ? $"\n({c})" : "")}\n— {x.AnsweredBy}, {(x.AnsweredAt is { } at ? Format.Date(at) : "")}" : d.DisputeOpen],
                [0, Style.Muted, 0, x.Settled ? 0 : Style.Bad])));
    }

    public static void DrawFollowUps(PageFlow flow, RepEvaluation rep, Labels l, List<OutlineNode> outline)
    {
        var d = l.Details();
        flow.Section(d.FollowUps, outline, 80);
        if (rep.FollowUps.Count == 0)
        {
            flow.Paragraph(d.NoFollowUps, Style.Body, Style.Muted);
            return;
        }
        Table.Draw(flow,
            [new(d.Date, 1.15f), new(d.Customer, 1.8f), new(l.Deal, 2.0f), new(d.Content, 6.0f)],
            rep.FollowUps.OrderBy(f => f.VisitedAt).ThenBy(f => f.EventSequence)
                .Select(f => new TableRow([Format.Date(f.VisitedAt), f.Customer, f.DealTitle, f.Content])));
    }

    private static string Join(string rule, string inputs) =>
        string.IsNullOrWhiteSpace(rule) ? inputs : string.IsNullOrWhiteSpace(inputs) ? rule : rule + "\n" + inputs;
}
