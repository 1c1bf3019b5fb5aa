using SalesPerf.Engine.Projections;
using SalesPerf.Engine.Deals;

namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// The process indicators counted from stage runs. A customer-caused wait the manager confirmed stops the stage's clock,
/// and so does the deal being on hold: such a stage is not "due and not completed", not "late" and not "not converted".
/// <list type="bullet">
/// <item>Completion: stages due or approved in the period that were approved by its end (open deals count).</item>
/// <item>On-time: stages approved in the period by their due time; confirmed customer-caused late stages are left out.</item>
/// <item>Revisions: resubmissions and re-runs per stage approved in the period, 100 − 25 per revision.</item>
/// <item>Send-back response: each send-back scored on its own (100 within a day, −10 per further day), then averaged.</item>
/// <item>Conversion: stages entered in the period that led on to the next stage by its end.</item>
/// </list>
/// </summary>
internal static class StageIndicators
{
    private static RawIndicator NotScored(string key, Words t, string zh, string en) =>
        new(key, 0, "—", false, 0, t[zh + "：不计分，其权重分给本维度的其他指标。", en + ": not scored; its weight goes to the other indicators of the dimension."]);

    /// <summary>True when the run's clock was stopped at <paramref name="at"/>: a confirmed customer wait, or the deal on hold.</summary>
    private static bool ClockStopped(DealProjection d, RunFacts r, DateTimeOffset at) => d.IsCustomerWait(r) || d.OnHoldAt(at);

    public static RawIndicator Completion(IReadOnlyList<DealProjection> deals, Window w, Words t)
    {
        var runs = deals.SelectMany(d => d.Runs.Select(r => (Deal: d, Run: r, Count: IndicatorRules.Completion(r.Due, r.ApprovedAt,
            r.Outcome is StageOutcome.SentBack or StageOutcome.Abandoned ? r.Ended : null, ClockStopped(d, r, r.Due), w.From, w.To, w.JudgedUntil)))).ToList();
        var approved = runs.Where(x => x.Count == CompletionCount.Done).ToList();
        var stopped = runs.Count(x => x.Count == CompletionCount.ClockStopped);
        var counted = runs.Count(x => x.Count is CompletionCount.Done or CompletionCount.Open);
        if (counted == 0)
            return NotScored(EvaluationModel.CompletionRate, t, Inv.S($"期间内没有到期或通过的阶段（客户原因等待或暂停 {stopped} 个不计）"),
                Inv.S($"No stage was due or approved in the period ({stopped} waiting on the customer or on hold not counted)"));
        var done = approved.Count;
        var slipped = approved.Count(x => x.Deal.StatusAt(w.To) is DealStatus.Active or DealStatus.OnHold);
        var rate = Inv.R(100m * done / counted, 1);
        return new(EvaluationModel.CompletionRate, rate, t.Pct(done, counted), true, rate,
            t[Inv.S($"期间内到期或通过的 {counted} 个阶段中，{done} 个在期末前获批（其中 {slipped} 个所在商机尚未成交，照样计入；经理确认的客户原因等待或商机暂停 {stopped} 个不计）= {Inv.N(rate)}%"),
              Inv.S($"{done} of {counted} stages due or approved in the period were approved by its end ({slipped} of them on deals not yet closed, counted all the same; {stopped} waiting on the customer as confirmed by the manager, or on hold, not counted) = {Inv.N(rate)}%")]);
    }

    public static RawIndicator OnTime(IReadOnlyList<DealProjection> deals, Window w, Words t)
    {
        var approved = deals.SelectMany(d => d.Runs.Where(r => r.ApprovedIn(w.From, w.To)).Select(r => (Deal: d, Run: r))).ToList();
        var judged = approved.Select(x => IndicatorRules.OnTime(x.Run.ApprovedAt, x.Run.LateDays, x.Deal.IsCustomerWait(x.Run), w.From, w.To)).ToList();
        var customer = judged.Count(j => j is null);
        var counted = approved.Count - customer;
        if (counted == 0)
            return NotScored(EvaluationModel.OnTimeRate, t,
                Inv.S($"期间内没有需计入的已通过阶段（客户原因逾期 {customer} 个已排除）"), Inv.S($"No approved stage to count in the period ({customer} customer-caused late stage(s) excluded)"));
        var onTime = judged.Count(j => j == true);
        var rate = Inv.R(100m * onTime / counted, 1);
        return new(EvaluationModel.OnTimeRate, rate, t.Pct(onTime, counted), true, rate,
            t[Inv.S($"期间内通过的 {counted} 个阶段中 {onTime} 个按期完成（经理确认的客户原因逾期 {customer} 个不计入）= {Inv.N(rate)}%"),
              Inv.S($"{onTime} of {counted} stages approved in the period were on time ({customer} customer-caused late stage(s), as confirmed by the manager, excluded) = {Inv.N(rate)}%")]);
    }

    public static RawIndicator Revisions(IReadOnlyList<DealProjection> deals, Window w, Words t)
    {
        var approved = deals.SelectMany(d => d.Runs).Where(r => r.ApprovedIn(w.From, w.To)).ToList();
        if (approved.Count == 0)
            return NotScored(EvaluationModel.Revisions, t, "期间内没有通过的阶段", "No stage was approved in the period");
        var revisions = approved.Sum(r => r.Revisions);
        var avg = Inv.R((decimal)revisions / approved.Count, 2);
        var score = Math.Max(0, Inv.R(100 - 25 * avg, 1));
        return new(EvaluationModel.Revisions, avg, Inv.S($"{Inv.N2(avg)}"), true, score,
            t[Inv.S($"期间内通过的 {approved.Count} 个阶段共修改 {revisions} 次（退回后重新提交及阶段重做），平均每阶段 {Inv.N2(avg)} 次 → 100 − 25 × {Inv.N2(avg)} = {Inv.N(score)}"),
              Inv.S($"{revisions} revision(s) over {approved.Count} stages approved in the period (resubmissions after a send-back, stages run again): {Inv.N2(avg)} per stage → 100 − 25 × {Inv.N2(avg)} = {Inv.N(score)}")]);
    }

    /// <summary>The period's send-backs, each with its own response time and score.</summary>
    public static List<SendBackLine> SendBacks(IReadOnlyList<DealProjection> deals, Window w, Words t) =>
        deals.SelectMany(d => d.SendBacks.Where(s => w.Contains(s.At)).Select(s =>
        {
            var until = s.AnsweredAt is { } a && a < w.To ? a : w.To;
            var days = Inv.R((decimal)(until - s.At).TotalDays, 1);
            var score = Math.Clamp(Inv.R(100 - 10 * Math.Max(0, days - 1), 1), 0, 100);
            return new SendBackLine(d.DealId, d.Title, d.StageName(s.StageKey, t.Language), s.SubmissionNo, s.At, s.Sequence, s.Comment,
                s.AnsweredAt < w.To ? s.AnsweredAt : null, days, score);
        })).OrderBy(s => s.At).ToList();

    public static RawIndicator Response(IReadOnlyList<SendBackLine> sendBacks, Window w, Words t)
    {
        if (sendBacks.Count == 0)
            return NotScored(EvaluationModel.SendBackResponse, t, "期间内没有被退回的提交", "No submission was sent back in the period");
        var open = sendBacks.Count(s => s.AnsweredAt is null);
        var score = Inv.R(sendBacks.Average(s => s.Score), 1);
        var each = string.Join(", ", sendBacks.Select(s => Inv.S($"{Inv.N(s.Days)}d → {Inv.N(s.Score)}")));
        var avgDays = Inv.R(sendBacks.Average(s => s.Days), 1);
        return new(EvaluationModel.SendBackResponse, avgDays, t[Inv.S($"{Inv.N(avgDays)} 天"), Inv.S($"{Inv.N(avgDays)} days")], true, score,
            t[Inv.S($"期间内被退回 {sendBacks.Count} 次，每次单独计分（1 天内重新提交 100 分，此后每天 −10；期末仍未提交的 {open} 次按截至期末计）：{each}；平均 = {Inv.N(score)}"),
              Inv.S($"{sendBacks.Count} send-back(s) in the period, each scored on its own (resubmitted within 1 day 100, −10 per further day; {open} still unanswered at the period end counted up to it): {each}; average = {Inv.N(score)}")]);
    }

    public static RawIndicator Conversion(IReadOnlyList<DealProjection> deals, Window w, Words t)
    {
        var entered = deals.SelectMany(d => d.Runs.Where(r => r.Run == 1 && w.Contains(r.Started)).Select(r => (Deal: d, Run: r))).ToList();
        // Approved, or the deal was won from this stage (a manager may close a deal as won in any stage).
        bool MovedOn((DealProjection Deal, RunFacts Run) x) =>
            x.Deal.Runs.Any(r => r.StageKey == x.Run.StageKey && r.ApprovedAt < w.To) || (x.Deal.WonAt < w.To && x.Run.Ended == x.Deal.WonAt);
        bool Undecided((DealProjection Deal, RunFacts Run) x) =>
            !MovedOn(x) && x.Run.Outcome != StageOutcome.Abandoned && x.Deal.StatusAt(w.To) != DealStatus.Lost
            && (x.Run.Due >= w.JudgedUntil || ClockStopped(x.Deal, x.Run, x.Run.Due < w.JudgedUntil ? x.Run.Due : w.JudgedUntil));
        var undecided = entered.Count(Undecided);
        var counted = entered.Where(x => !Undecided(x)).ToList();
        if (counted.Count == 0)
            return NotScored(EvaluationModel.Conversion, t,
                Inv.S($"期间内没有可计算转化的阶段（{undecided} 个尚在期限内或在等待客户）"), Inv.S($"No stage entered in the period can be judged yet ({undecided} still within their due time or waiting on the customer)"));
        var moved = counted.Count(MovedOn);
        var rate = Inv.R(100m * moved / counted.Count, 1);
        return new(EvaluationModel.Conversion, rate, t.Pct(moved, counted.Count), true, rate,
            t[Inv.S($"期间内首次进入的 {counted.Count} 个阶段中，{moved} 个在期末前推进到下一阶段（{undecided} 个尚在期限内或在等待客户，不计入）= {Inv.N(rate)}%"),
              Inv.S($"{moved} of {counted.Count} stages entered in the period led on to the next stage by its end ({undecided} still within their due time or waiting on the customer not counted) = {Inv.N(rate)}%")]);
    }
}
