using SalesPerf.Engine.Projections;
namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// One rep's indicators for a period (or the part of it they were present for), each with the words that say how it was
/// counted from events, plus the lines behind them (targets, deductions, send-backs). An indicator without anything to
/// count is not scored; its weight goes to the others of its dimension. Nothing is scored against the team's best.
/// </summary>
internal sealed record RepFigures(List<RawIndicator> Indicators, List<TargetLine> Targets, List<DeductionLine> Deductions, List<SendBackLine> SendBacks)
{
    public static RepFigures For(RepInput rep, IReadOnlyList<DealProjection> deals, Window w, EvaluationWeights weights, Words t)
    {
        var targets = new List<TargetLine>();
        var list = ResultIndicators.For(rep, deals, w, weights, t, targets).ToList();

        list.Add(FollowUps(rep, deals, w, weights, t, targets));
        list.Add(StageIndicators.Completion(deals, w, t));
        list.Add(StageIndicators.OnTime(deals, w, t));
        list.Add(StageIndicators.Revisions(deals, w, t));
        var sendBacks = StageIndicators.SendBacks(deals, w, t);
        list.Add(StageIndicators.Response(sendBacks, w, t));
        list.Add(StageIndicators.Conversion(deals, w, t));
        var deductions = DeductionRules.Lines(deals, rep.Ledger, w, t);
        var stageWork = deals.Any(d => d.Runs.Any(r => r.ApprovedIn(w.From, w.To))) || sendBacks.Count > 0;
        list.Add(DeductionRules.Indicator(deductions, stageWork, weights, t));

        list.Add(Rating(EvaluationModel.CustomerFeedback, rep.Ratings.Where(r => r.Kind == RatingKind.CustomerFeedback && w.Contains(r.At)).ToList(), t,
            t["客户反馈评分", "customer feedback"]));
        list.Add(Rating(EvaluationModel.SolutionQuality, rep.Ratings.Where(r => r.Kind == RatingKind.SolutionQuality && w.Contains(r.At)).ToList(), t,
            t["方案质量评分（技术团队）", "solution quality (technical team)"]));
        list.Add(Training(rep, w, weights, t));
        return new RepFigures(list, targets, deductions, sendBacks);
    }

    /// <summary>Follow-ups against the rep's own target, or the company's expected number per 30 days when there is none.</summary>
    private static RawIndicator FollowUps(RepInput rep, IReadOnlyList<DealProjection> deals, Window w, EvaluationWeights weights, Words t, List<TargetLine> targets)
    {
        var count = deals.Sum(d => d.FollowUps.Count(f => w.Counts(f.VisitedAt, f.RecordedAt)));
        var late = deals.Sum(d => d.FollowUps.Count(f => w.Contains(f.RecordedAt) && w.ClosedBefore(f.VisitedAt, f.RecordedAt) is not null));
        var adjustments = late == 0 ? "" : t[Inv.S($"（含 {late} 条日期在已关闭期间、关闭后才录入的跟进，作为调整计入本期）"),
            Inv.S($" (of them {late} dated in a closed period but entered after it closed, counted here as adjustments)")];
        var own = ResultIndicators.TargetFor(rep, TargetMetrics.FollowUps, w);
        var perMonth = weights[EvaluationModel.FollowUpsExpected];
        var (expected, source) = own is { Value: > 0 } o ? (o.Value, o.Source)
            : (Inv.R(perMonth * w.Days / 30m, 1), t[Inv.S($"公司默认每 30 天 {Inv.N2(perMonth)} 次 × {w.Days} 天"), Inv.S($"company default {Inv.N2(perMonth)} per 30 days × {w.Days} days")]);
        var percent = expected <= 0 ? 100 : Inv.R(count / expected * 100, 1);
        var score = Math.Min(100, percent);
        targets.Add(new TargetLine(TargetMetrics.FollowUps, t.Pick(TargetMetrics.Find(TargetMetrics.FollowUps)!.Name), expected, count, percent, source));
        return new(EvaluationModel.FollowUps, count, Inv.S($"{count} / {Inv.N(expected)}"), true, score,
            t[Inv.S($"拜访日期在期间内的跟进记录 {count} 条{adjustments}；目标 {Inv.N(expected)}（{source}）→ {count} ÷ {Inv.N(expected)} × 100，最高 100 = {Inv.N(score)}"),
              Inv.S($"{count} follow-up(s) logged with a visit date in the period{adjustments}; target {Inv.N(expected)} ({source}) → {count} / {Inv.N(expected)} × 100, at most 100 = {Inv.N(score)}")]);
    }

    private static RawIndicator Training(RepInput rep, Window w, EvaluationWeights weights, Words t)
    {
        var trainings = rep.Trainings.Where(x => w.Contains(x.At)).ToList();
        var hours = trainings.Sum(x => x.Hours);
        var perMonth = weights[EvaluationModel.TrainingHoursTarget];
        var target = Inv.R(perMonth * w.Days / 30m, 1);
        var score = target <= 0 ? 100 : Math.Min(100, Inv.R(hours / target * 100, 1));
        return new(EvaluationModel.Training, hours, t[Inv.S($"{Inv.N2(hours)} 小时"), Inv.S($"{Inv.N2(hours)} h")], true, score,
            t[Inv.S($"期间内参加培训 {trainings.Count} 次，共 {Inv.N2(hours)} 小时；目标 {Inv.N(target)} 小时（每 30 天 {Inv.N2(perMonth)} 小时 × {w.Days} 天）→ {Inv.N2(hours)} ÷ {Inv.N(target)} × 100，最高 100 = {Inv.N(score)}"),
              Inv.S($"{trainings.Count} training session(s) in the period, {Inv.N2(hours)} h in all; target {Inv.N(target)} h ({Inv.N2(perMonth)} h per 30 days × {w.Days} days) → {Inv.N2(hours)} / {Inv.N(target)} × 100, at most 100 = {Inv.N(score)}")]);
    }

    private static RawIndicator Rating(string key, IReadOnlyList<RatingInput> ratings, Words t, string what)
    {
        if (ratings.Count == 0)
            return new(key, 0, "—", false, 0, t[$"期间内没有{what}：不计分，其权重分给本维度的其他指标。", $"No rating of {what} in the period: not scored; its weight goes to the other indicators of the dimension."]);
        var avg = Inv.R(ratings.Average(r => r.Score), 2);
        var score = Math.Clamp(Inv.R(avg * 20, 1), 0, 100);
        return new(key, avg, Inv.S($"{Inv.N2(avg)} / 5"), true, score,
            t[Inv.S($"期间内经理录入{what} {ratings.Count} 条，平均 {Inv.N2(avg)} 分（满分 5）→ {Inv.N2(avg)} × 20 = {Inv.N(score)}"),
              Inv.S($"{ratings.Count} rating(s) of {what} entered by the manager in the period, average {Inv.N2(avg)} of 5 → {Inv.N2(avg)} × 20 = {Inv.N(score)}")]);
    }
}
