using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// One rep's raw indicators for a period, each with the words that say how it was counted from events. The rules:
/// <list type="bullet">
/// <item>Contracts won / contract value / follow-ups: counted in the period, scored relative to the team's best.</item>
/// <item>Stage completion: stages due or approved in the period that were approved by its end (open deals count).</item>
/// <item>On-time: stages approved in the period by their due time; customer-caused late stages (as last confirmed by the
/// manager) are left out.</item>
/// <item>Revisions: resubmissions and re-runs per stage approved in the period, 100 − 25 per revision.</item>
/// <item>Send-back response: days from a send-back to the next submission, 100 within a day, −10 per further day.</item>
/// <item>Conversion: stages entered in the period that led on to the next stage by its end.</item>
/// <item>Ratings: average of the managers' 1–5 ratings in the period × 20. Training: hours against a target.</item>
/// </list>
/// An indicator without anything to count is not scored; its weight goes to the others of its dimension.
/// </summary>
internal static class RepIndicators
{
    public static List<RawIndicator> For(RepInput rep, IReadOnlyList<DealReplay> deals, Window w, EvaluationWeights weights, Words t)
    {
        var list = new List<RawIndicator>();

        // Result
        var won = deals.Where(d => d.WonAt is { } at && w.Contains(at)).ToList();
        list.Add(new(EvaluationModel.ContractsWon, won.Count, won.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), true, Normalisation.TeamBest, 0,
            t[Inv.S($"期间内赢单 {won.Count} 个（以赢单事件时间为准）"), Inv.S($"{won.Count} deal(s) closed as won in the period (by the time of the won event)")]));
        var value = won.Sum(d => d.WonValue ?? 0);
        list.Add(new(EvaluationModel.ContractValue, value, "¥" + Inv.Money(value), true, Normalisation.TeamBest, 0,
            t[Inv.S($"期间内赢单合同金额合计 ¥{Inv.Money(value)}"), Inv.S($"Contract value of the deals won in the period: ¥{Inv.Money(value)}")]));

        // Process
        var followUps = deals.Sum(d => d.FollowUps.Count(w.Contains));
        list.Add(new(EvaluationModel.FollowUps, followUps, followUps.ToString(System.Globalization.CultureInfo.InvariantCulture), true, Normalisation.TeamBest, 0,
            t[Inv.S($"拜访日期在期间内的跟进记录 {followUps} 条"), Inv.S($"{followUps} follow-up(s) logged with a visit date in the period")]));

        list.Add(Completion(deals, w, t));
        list.Add(OnTime(deals, w, t));
        list.Add(Revisions(deals, w, t));
        list.Add(Response(deals, w, t));
        list.Add(Conversion(deals, w, t));

        // Ability
        list.Add(Rating(EvaluationModel.CustomerFeedback, rep.Ratings.Where(r => r.Kind == RatingKind.CustomerFeedback && w.Contains(r.At)).ToList(), t,
            t["客户反馈评分", "customer feedback"]));
        list.Add(Rating(EvaluationModel.SolutionQuality, rep.Ratings.Where(r => r.Kind == RatingKind.SolutionQuality && w.Contains(r.At)).ToList(), t,
            t["方案质量评分（技术团队）", "solution quality (technical team)"]));

        // Attitude / growth
        var trainings = rep.Trainings.Where(x => w.Contains(x.At)).ToList();
        var hours = trainings.Sum(x => x.Hours);
        var perMonth = weights[EvaluationModel.TrainingHoursTarget];
        var target = Inv.R(perMonth * w.Days / 30m, 1);
        var score = target <= 0 ? 100 : Math.Min(100, Inv.R(hours / target * 100, 1));
        list.Add(new(EvaluationModel.Training, hours, t[Inv.S($"{Inv.N2(hours)} 小时"), Inv.S($"{Inv.N2(hours)} h")], true, Normalisation.Absolute, score,
            t[Inv.S($"期间内参加培训 {trainings.Count} 次，共 {Inv.N2(hours)} 小时；目标 {Inv.N(target)} 小时（每 30 天 {Inv.N2(perMonth)} 小时 × {w.Days} 天）→ {Inv.N2(hours)} ÷ {Inv.N(target)} × 100，最高 100 = {Inv.N(score)}"),
              Inv.S($"{trainings.Count} training session(s) in the period, {Inv.N2(hours)} h in all; target {Inv.N(target)} h ({Inv.N2(perMonth)} h per 30 days × {w.Days} days) → {Inv.N2(hours)} / {Inv.N(target)} × 100, at most 100 = {Inv.N(score)}")]));
        return list;
    }

    private static RawIndicator NotScored(string key, Words t, string zh, string en) =>
        new(key, 0, "—", false, Normalisation.Absolute, 0,
            t[zh + "：不计分，其权重分给本维度的其他指标。", en + ": not scored; its weight goes to the other indicators of the dimension."]);

    private static RawIndicator Completion(IReadOnlyList<DealReplay> deals, Window w, Words t)
    {
        var relevant = deals.SelectMany(d => d.Runs.Select(r => (Deal: d, Run: r)))
            .Where(x => ((w.Contains(x.Run.Due) && x.Run.Due < w.JudgedUntil) || x.Run.ApprovedIn(w.From, w.To)) && !(x.Run.ApprovedAt < w.From))
            .Where(x => !(x.Run.Outcome is StageOutcome.SentBack or StageOutcome.Abandoned && x.Run.Ended < w.To))
            .ToList();
        if (relevant.Count == 0)
            return NotScored(EvaluationModel.CompletionRate, t, "期间内没有到期或通过的阶段", "No stage was due or approved in the period");
        var approved = relevant.Where(x => x.Run.ApprovedIn(w.From, w.To)).ToList();
        var done = approved.Count;
        var slipped = approved.Count(x => x.Deal.StatusAt(w.To) is DealStatus.Active or DealStatus.OnHold);
        var rate = Inv.R(100m * done / relevant.Count, 1);
        return new(EvaluationModel.CompletionRate, rate, t.Pct(done, relevant.Count), true, Normalisation.Absolute, rate,
            t[Inv.S($"期间内到期或通过的 {relevant.Count} 个阶段中，{done} 个在期末前获批（其中 {slipped} 个所在商机尚未成交，照样计入）= {Inv.N(rate)}%"),
              Inv.S($"{done} of {relevant.Count} stages due or approved in the period were approved by its end ({slipped} of them on deals not yet closed, counted all the same) = {Inv.N(rate)}%")]);
    }

    private static RawIndicator OnTime(IReadOnlyList<DealReplay> deals, Window w, Words t)
    {
        var approved = deals.SelectMany(d => d.Runs.Where(r => r.ApprovedIn(w.From, w.To)).Select(r => (Deal: d, Run: r))).ToList();
        var customer = approved.Count(x => x.Run.LateDays > 0 && x.Deal.AttributionOf(x.Run) == DelayAttribution.Customer);
        var counted = approved.Count - customer;
        if (counted == 0)
            return NotScored(EvaluationModel.OnTimeRate, t,
                Inv.S($"期间内没有需计入的已通过阶段（客户原因逾期 {customer} 个已排除）"), Inv.S($"No approved stage to count in the period ({customer} customer-caused late stage(s) excluded)"));
        var onTime = approved.Count(x => x.Run.LateDays == 0);
        var rate = Inv.R(100m * onTime / counted, 1);
        return new(EvaluationModel.OnTimeRate, rate, t.Pct(onTime, counted), true, Normalisation.Absolute, rate,
            t[Inv.S($"期间内通过的 {counted} 个阶段中 {onTime} 个按期完成（经理确认的客户原因逾期 {customer} 个不计入）= {Inv.N(rate)}%"),
              Inv.S($"{onTime} of {counted} stages approved in the period were on time ({customer} customer-caused late stage(s), as confirmed by the manager, excluded) = {Inv.N(rate)}%")]);
    }

    private static RawIndicator Revisions(IReadOnlyList<DealReplay> deals, Window w, Words t)
    {
        var approved = deals.SelectMany(d => d.Runs).Where(r => r.ApprovedIn(w.From, w.To)).ToList();
        if (approved.Count == 0)
            return NotScored(EvaluationModel.Revisions, t, "期间内没有通过的阶段", "No stage was approved in the period");
        var revisions = approved.Sum(r => r.Revisions);
        var avg = Inv.R((decimal)revisions / approved.Count, 2);
        var score = Math.Max(0, Inv.R(100 - 25 * avg, 1));
        return new(EvaluationModel.Revisions, avg, Inv.S($"{Inv.N2(avg)}"), true, Normalisation.Absolute, score,
            t[Inv.S($"期间内通过的 {approved.Count} 个阶段共修改 {revisions} 次（退回后重新提交及阶段重做），平均每阶段 {Inv.N2(avg)} 次 → 100 − 25 × {Inv.N2(avg)} = {Inv.N(score)}"),
              Inv.S($"{revisions} revision(s) over {approved.Count} stages approved in the period (resubmissions after a send-back, stages run again): {Inv.N2(avg)} per stage → 100 − 25 × {Inv.N2(avg)} = {Inv.N(score)}")]);
    }

    private static RawIndicator Response(IReadOnlyList<DealReplay> deals, Window w, Words t)
    {
        var sendBacks = deals.SelectMany(d => d.SendBacks).Where(s => w.Contains(s.At)).ToList();
        if (sendBacks.Count == 0)
            return NotScored(EvaluationModel.SendBackResponse, t, "期间内没有被退回的提交", "No submission was sent back in the period");
        var open = sendBacks.Count(s => s.AnsweredAt is null || s.AnsweredAt >= w.To);
        var days = sendBacks.Select(s => (decimal)(((s.AnsweredAt is { } a && a < w.To ? a : w.To) - s.At).TotalDays)).ToList();
        var avg = Inv.R(days.Average(), 1);
        var score = Math.Clamp(Inv.R(100 - 10 * Math.Max(0, avg - 1), 1), 0, 100);
        return new(EvaluationModel.SendBackResponse, avg, t[Inv.S($"{Inv.N(avg)} 天"), Inv.S($"{Inv.N(avg)} days")], true, Normalisation.Absolute, score,
            t[Inv.S($"期间内被退回 {sendBacks.Count} 次，平均 {Inv.N(avg)} 天后重新提交（期末仍未提交的 {open} 次按截至期末计）→ 1 天内 100 分，此后每天 −10 = {Inv.N(score)}"),
              Inv.S($"{sendBacks.Count} send-back(s) in the period, answered by a new submission after {Inv.N(avg)} days on average ({open} still unanswered at the period end, counted up to it) → 100 within 1 day, −10 per further day = {Inv.N(score)}")]);
    }

    private static RawIndicator Conversion(IReadOnlyList<DealReplay> deals, Window w, Words t)
    {
        var entered = deals.SelectMany(d => d.Runs.Where(r => r.Run == 1 && w.Contains(r.Started)).Select(r => (Deal: d, Run: r))).ToList();
        bool MovedOn((DealReplay Deal, RunFacts Run) x) =>
            x.Deal.Runs.Any(r => r.StageKey == x.Run.StageKey && r.ApprovedAt < w.To);
        bool Undecided((DealReplay Deal, RunFacts Run) x) =>
            !MovedOn(x) && x.Run.Outcome != StageOutcome.Abandoned && x.Deal.StatusAt(w.To) != DealStatus.Lost && x.Run.Due >= w.JudgedUntil;
        var undecided = entered.Count(Undecided);
        var counted = entered.Where(x => !Undecided(x)).ToList();
        if (counted.Count == 0)
            return NotScored(EvaluationModel.Conversion, t,
                Inv.S($"期间内没有可计算转化的阶段（{undecided} 个尚在期限内）"), Inv.S($"No stage entered in the period can be judged yet ({undecided} still within their due time)"));
        var moved = counted.Count(MovedOn);
        var rate = Inv.R(100m * moved / counted.Count, 1);
        return new(EvaluationModel.Conversion, rate, t.Pct(moved, counted.Count), true, Normalisation.Absolute, rate,
            t[Inv.S($"期间内首次进入的 {counted.Count} 个阶段中，{moved} 个在期末前推进到下一阶段（{undecided} 个尚在期限内，不计入）= {Inv.N(rate)}%"),
              Inv.S($"{moved} of {counted.Count} stages entered in the period led on to the next stage by its end ({undecided} still within their due time not counted) = {Inv.N(rate)}%")]);
    }

    private static RawIndicator Rating(string key, IReadOnlyList<RatingInput> ratings, Words t, string what)
    {
        if (ratings.Count == 0)
            return NotScored(key, t, $"期间内没有{what}", $"No rating of {what} in the period");
        var avg = Inv.R(ratings.Average(r => r.Score), 2);
        var score = Math.Clamp(Inv.R(avg * 20, 1), 0, 100);
        return new(key, avg, Inv.S($"{Inv.N2(avg)} / 5"), true, Normalisation.Absolute, score,
            t[Inv.S($"期间内经理录入{what} {ratings.Count} 条，平均 {Inv.N2(avg)} 分（满分 5）→ {Inv.N2(avg)} × 20 = {Inv.N(score)}"),
              Inv.S($"{ratings.Count} rating(s) of {what} entered by the manager in the period, average {Inv.N2(avg)} of 5 → {Inv.N2(avg)} × 20 = {Inv.N(score)}")]);
    }
}
