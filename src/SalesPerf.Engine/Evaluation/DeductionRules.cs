using SalesPerf.Engine.Projections;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// The score ledger's deductions in the period, explained line by line, and the "process deductions" indicator they make:
/// 100 − scale × the points deducted (net of points a manager's decision gave back), at least 0. A line counts in the
/// period of its own event: a manager's later decision on an earlier delay is an adjustment in the period it was made.
/// </summary>
internal static class DeductionRules
{
    public static List<DeductionLine> Lines(IReadOnlyList<DealProjection> deals, IReadOnlyList<LedgerLine> ledger, Window w, Words t)
    {
        var byId = deals.ToDictionary(d => d.DealId);
        var lines = new List<DeductionLine>();
        foreach (var (dealId, e) in ledger)
        {
            if (e.Kind == ScoreKind.StageApproved || !w.Contains(e.At) || !byId.TryGetValue(dealId, out var d)) continue;
            var stage = d.Flow?.Find(e.StageKey);
            var name = d.StageName(e.StageKey, t.Language);
            lines.Add(e.Kind switch
            {
                ScoreKind.LateDeduction => Late(d, e, stage, name, w, t),
                ScoreKind.SendBackDeduction => SendBack(d, e, stage, name, t),
                ScoreKind.ManualAdjustment => Manual(d, e, name, t),
                _ => Decision(d, e, stage, name, t),
            });
        }
        return lines.OrderBy(l => l.At).ThenBy(l => l.EventSequence).ToList();
    }

    private static DeductionLine Late(DealProjection d, ScoreEntry e, Stage? stage, string name, Window w, Words t)
    {
        var run = d.Runs.FirstOrDefault(r => r.ApprovalSequence == e.EventSequence);
        var attribution = e.Attribution ?? DelayAttribution.Rep;
        var unit = stage?.Deadline.Unit == DurationUnit.BusinessDays
            ? t["按工作日计，周末和节假日不计", "business days, weekends and holidays skipped"]
            : t["按自然日计", "calendar days"];
        var delay = run is null ? null : d.DelayOf(run);
        var claim = delay is null ? t["未填写延误原因，按销售原因计", "no delay reason recorded: counted as rep-caused"]
            : !delay.Decided ? t[Inv.S($"销售申报为“{t.Attribution(delay.Claimed)}”，经理尚未确认，暂按销售原因计"), Inv.S($"claimed as {t.Attribution(delay.Claimed).ToLowerInvariant()}-caused, not yet confirmed by the manager: counted as rep-caused")]
            : t[Inv.S($"经理确认为“{t.Attribution(delay.Attribution)}”"), Inv.S($"{t.Attribution(delay.Attribution).ToLowerInvariant()}-caused as decided by the manager")];
        return new DeductionLine(d.DealId, d.Title, name, "late", e.Points, e.At, e.EventSequence, Rule(stage, attribution, t),
            t[Inv.S($"截止 {w.Local(run?.Due)}，提交 {w.Local(run?.SubmittedAt)}，通过 {w.Local(e.At)}：逾期 {e.LateDays ?? 0} 天（{unit}）；{claim}；{e.LateDays ?? 0} × {Inv.N2(e.RatePerDay ?? 0)} = {Inv.N2(-e.Points)}"),
              Inv.S($"due {w.Local(run?.Due)}, submitted {w.Local(run?.SubmittedAt)}, approved {w.Local(e.At)}: {e.LateDays ?? 0} day(s) late ({unit}); {claim}; {e.LateDays ?? 0} × {Inv.N2(e.RatePerDay ?? 0)} = {Inv.N2(-e.Points)}")]);
    }

    private static DeductionLine SendBack(DealProjection d, ScoreEntry e, Stage? stage, string name, Words t)
    {
        var s = d.SendBacks.FirstOrDefault(x => x.Sequence == e.EventSequence);
        return new DeductionLine(d.DealId, d.Title, name, "sendBack", e.Points, e.At, e.EventSequence,
            t[Inv.S($"每次退回扣 {Inv.N2(stage?.Scoring.DeductionPerSendBack ?? -e.Points)} 分"), Inv.S($"{Inv.N2(stage?.Scoring.DeductionPerSendBack ?? -e.Points)} per send-back")],
            t[Inv.S($"第 {s?.SubmissionNo} 次提交被退回：“{s?.Comment}”"), Inv.S($"submission #{s?.SubmissionNo} sent back: “{s?.Comment}”")]);
    }

    private static DeductionLine Manual(DealProjection d, ScoreEntry e, string name, Words t)
    {
        var a = d.Adjustments.FirstOrDefault(x => x.Sequence == e.EventSequence);
        return new DeductionLine(d.DealId, d.Title, name, "adjustment", e.Points, e.At, e.EventSequence,
            t["经理更正（有理由，计入当期）", "the manager's correction (with its reason, counted in the period it was made)"],
            t[$"理由：“{a.Reason}”", $"reason: “{a.Reason}”"] + (a.Reference is { Length: > 0 } r ? t[$"（回应：{r}）", $" (answering: {r})"] : ""));
    }

    private static DeductionLine Decision(DealProjection d, ScoreEntry e, Stage? stage, string name, Words t)
    {
        var delay = d.Delays.Values.FirstOrDefault(x => x.DecidedSequence == e.EventSequence);
        var what = delay is null ? "" : delay.Reclassified
            ? t[Inv.S($"经理将延误 #{delay.DelayNo} 改判为“{t.Attribution(delay.Attribution)}”"), Inv.S($"the manager re-classified delay #{delay.DelayNo} as {t.Attribution(delay.Attribution).ToLowerInvariant()}-caused")]
            : t[Inv.S($"经理确认延误 #{delay.DelayNo} 为“{t.Attribution(delay.Attribution)}”"), Inv.S($"the manager confirmed delay #{delay.DelayNo} as {t.Attribution(delay.Attribution).ToLowerInvariant()}-caused")];
        var comment = delay?.DecisionComment is { Length: > 0 } c ? t[$"：“{c}”", $": “{c}”"] : "";
        return new DeductionLine(d.DealId, d.Title, name, "decision", e.Points, e.At, e.EventSequence, Rule(stage, e.Attribution ?? DelayAttribution.Rep, t),
            what + comment + t[Inv.S($"；逾期 {e.LateDays ?? 0} 天的扣分随之调整 {(e.Points > 0 ? "+" : "")}{Inv.N2(e.Points)}"), Inv.S($"; the deduction for {e.LateDays ?? 0} late day(s) changes by {(e.Points > 0 ? "+" : "")}{Inv.N2(e.Points)}")]);
    }

    /// <summary>A stage's late-day rule in words: the rate for the attribution, the other rates and the cap.</summary>
    public static string Rule(Stage? stage, DelayAttribution attribution, Words t)
    {
        if (stage is null) return "";
        var s = stage.Scoring;
        return t[Inv.S($"“{t.Pick(stage.Name)}”逾期每天扣分：销售原因 {Inv.N2(s.DeductionPerLateDayRep)}、客户原因 {Inv.N2(s.DeductionPerLateDayCustomer)}、其他 {Inv.N2(s.DeductionPerLateDayOther)}，每阶段最多 {Inv.N2(s.DeductionCap)}；本条按{t.Attribution(attribution)} {Inv.N2(s.RateFor(attribution))}/天"),
            Inv.S($"“{t.Pick(stage.Name)}” per late day: rep-caused {Inv.N2(s.DeductionPerLateDayRep)}, customer-caused {Inv.N2(s.DeductionPerLateDayCustomer)}, other {Inv.N2(s.DeductionPerLateDayOther)}, at most {Inv.N2(s.DeductionCap)} per stage; this line at {t.Attribution(attribution).ToLowerInvariant()} {Inv.N2(s.RateFor(attribution))}/day")];
    }

    public static RawIndicator Indicator(List<DeductionLine> lines, bool anyStageWork, EvaluationWeights weights, Words t)
    {
        if (lines.Count == 0 && !anyStageWork)
            return new(EvaluationModel.Deductions, 0, "—", false, 0,
                t["期间内没有阶段通过或退回：不计分，其权重分给本维度的其他指标。", "No stage was approved or sent back in the period: not scored; its weight goes to the other indicators of the dimension."]);
        // Points given back in the period for an earlier period's deduction do not raise the score above 100.
        var points = Math.Max(0, -lines.Sum(l => l.Points));
        var scale = weights[EvaluationModel.DeductionScale];
        var score = Math.Max(0, Inv.R(100 - scale * points, 1));
        var late = -lines.Where(l => l.Kind == "late").Sum(l => l.Points);
        var sendBacks = -lines.Where(l => l.Kind == "sendBack").Sum(l => l.Points);
        var decisions = lines.Where(l => l.Kind is "decision" or "adjustment").Sum(l => l.Points);
        return new(EvaluationModel.Deductions, points, Inv.S($"−{Inv.N2(points)}"), true, score,
            t[Inv.S($"期间内扣分 {lines.Count} 条（见扣分明细）：逾期 −{Inv.N2(late)}，退回 −{Inv.N2(sendBacks)}，经理改判、确认与更正 {(decisions >= 0 ? "+" : "")}{Inv.N2(decisions)}，合计 −{Inv.N2(points)} → 100 − {Inv.N2(scale)} × {Inv.N2(points)} = {Inv.N(score)}（最低 0）"),
              Inv.S($"{lines.Count} deduction line(s) in the period (see the deductions table): late −{Inv.N2(late)}, send-backs −{Inv.N2(sendBacks)}, managers' decisions and corrections {(decisions >= 0 ? "+" : "")}{Inv.N2(decisions)}, −{Inv.N2(points)} in all → 100 − {Inv.N2(scale)} × {Inv.N2(points)} = {Inv.N(score)} (at least 0)")]);
    }
}
