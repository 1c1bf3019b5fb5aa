using SalesPerf.Engine.Projections;
namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// The result dimension: attainment of the rep's own targets (contract value, contracts won, new customers), capped at
/// the admin's cap, and the weighted pipeline progress. A rep without a target on a metric is not scored on it (not 0).
/// Pipeline progress credits groundwork on deals still open at the period's end: each deal's estimated value × the
/// rise of its stage's win probability over the period (from the stage it was in at the start, 0 for a deal started in
/// the period), scored against the contract-value target. A deal won in the period counts in contract value instead.
/// </summary>
internal static class ResultIndicators
{
    public static IEnumerable<RawIndicator> For(RepInput rep, IReadOnlyList<DealProjection> deals, Window w, EvaluationWeights weights, Words t,
        List<TargetLine> targets)
    {
        var cap = weights[EvaluationModel.AttainmentCap];
        var won = deals.Where(d => d.WonAt is { } at && w.Contains(at)).ToList();
        var value = won.Sum(d => d.WonValue ?? 0);
        var newCustomers = won.Count(d => d.FirstWinOfCustomer);

        yield return Attainment(EvaluationModel.ContractValue, TargetMetrics.ContractValue, value, true, rep, w, cap, t, targets,
            t[Inv.S($"期间内赢单 {won.Count} 个，合同金额合计 ¥{Inv.Money(value)}"), Inv.S($"{won.Count} deal(s) won in the period, contract value ¥{Inv.Money(value)} in all")]);
        yield return Attainment(EvaluationModel.ContractsWon, TargetMetrics.ContractsWon, won.Count, false, rep, w, cap, t, targets,
            t[Inv.S($"期间内赢单 {won.Count} 个（以赢单事件时间为准）"), Inv.S($"{won.Count} deal(s) closed as won in the period (by the time of the won event)")]);
        yield return Attainment(EvaluationModel.NewCustomers, TargetMetrics.NewCustomers, newCustomers, false, rep, w, cap, t, targets,
            t[Inv.S($"期间内赢单中有 {newCustomers} 个是客户的首个赢单"), Inv.S($"{newCustomers} of the deals won in the period were their customer's first won deal")]);
        yield return Pipeline(deals, rep, w, cap, t);
    }

    /// <summary>The rep's target on a metric for the part of the period they were present for.</summary>
    public static (decimal Value, string Source)? TargetFor(RepInput rep, string metric, Window w)
    {
        var targets = rep.Targets.Where(x => x.Metric == metric).ToList();
        if (targets.Count == 0) return null;
        var value = targets.Sum(x => x.Value);
        var source = string.Join("; ", targets.Select(x => x.Source));
        if (w.Days < w.PeriodDays && w.PeriodDays > 0)
        {
            value = Inv.R(value * w.Days / w.PeriodDays, 2);
            source += Inv.S($" × {w.Days}/{w.PeriodDays} d");
        }
        return (value, source);
    }

    private static RawIndicator Attainment(string key, string metric, decimal actual, bool money, RepInput rep, Window w, decimal cap, Words t,
        List<TargetLine> lines, string counted)
    {
        var name = t.Pick(TargetMetrics.Find(metric)!.Name);
        string F(decimal v) => money ? "¥" + Inv.Money(v) : Inv.N2(v);
        if (TargetFor(rep, metric, w) is not { Value: > 0 } target)
        {
            lines.Add(new TargetLine(metric, name, null, actual, null, ""));
            return new(key, actual, F(actual), false, 0,
                counted + t["；本期没有设定目标：不计分（不是 0 分），其权重分给本维度的其他指标。", "; no target was set for the period: not scored (not 0), its weight goes to the dimension's other indicators."]);
        }
        var percent = Inv.R(actual / target.Value * 100, 1);
        var score = Math.Min(percent, cap);
        lines.Add(new TargetLine(metric, name, target.Value, actual, percent, target.Source));
        return new(key, percent, Inv.S($"{F(actual)} / {F(target.Value)}, {Inv.N(percent)}%"), true, score,
            counted + t[Inv.S($"；目标 {F(target.Value)}（{target.Source}）→ {F(actual)} ÷ {F(target.Value)} × 100 = {Inv.N(percent)}%，上限 {Inv.N(cap)} → {Inv.N(score)}"),
                Inv.S($"; target {F(target.Value)} ({target.Source}) → {F(actual)} / {F(target.Value)} × 100 = {Inv.N(percent)}%, capped at {Inv.N(cap)} → {Inv.N(score)}")]);
    }

    private static RawIndicator Pipeline(IReadOnlyList<DealProjection> deals, RepInput rep, Window w, decimal cap, Words t)
    {
        var parts = new List<string>();
        decimal progress = 0;
        foreach (var d in deals)
        {
            if (d.Flow is null || d.StatusAt(w.To) is not (Deals.DealStatus.Active or Deals.DealStatus.OnHold)) continue;
            if (d.RunAt(w.To.AddTicks(-1)) is not { } end) continue;
            var pEnd = d.Flow.WinProbabilityOf(end.StageKey);
            var start = d.RunAt(w.From);
            var pStart = start is null ? 0 : d.Flow.WinProbabilityOf(start.StageKey);
            var value = d.EstimatedValue ?? 0;
            var gain = Inv.R(value * (pEnd - pStart) / 100, 0);
            if (gain == 0) continue;
            progress += gain;
            parts.Add(Inv.S($"{d.Title}: ¥{Inv.Money(value)} × ({Inv.N(pEnd)}% − {Inv.N(pStart)}%) = ¥{Inv.Money(gain)}"));
        }
        progress = Math.Max(0, progress);
        var detail = parts.Count == 0 ? t["期末仍在进行的商机没有阶段推进", "no open deal moved on in the period"] : string.Join("; ", parts);
        var counted = t[Inv.S($"期末仍在进行的商机，按预估金额 × 阶段赢单概率的提升计：{detail}；合计 ¥{Inv.Money(progress)}"),
            Inv.S($"Deals still open at the period end, estimated value × the rise of their stage's win probability: {detail}; ¥{Inv.Money(progress)} in all")];
        if (TargetFor(rep, TargetMetrics.ContractValue, w) is not { Value: > 0 } target)
            return new(EvaluationModel.Pipeline, progress, "¥" + Inv.Money(progress), false, 0,
                counted + t["；没有合同金额目标可比：不计分。", "; no contract-value target to compare with: not scored."]);
        var percent = Inv.R(progress / target.Value * 100, 1);
        var score = Math.Min(percent, cap);
        return new(EvaluationModel.Pipeline, progress, Inv.S($"¥{Inv.Money(progress)}, {Inv.N(percent)}%"), true, score,
            counted + t[Inv.S($"；对比合同金额目标 ¥{Inv.Money(target.Value)} = {Inv.N(percent)}%，上限 {Inv.N(cap)} → {Inv.N(score)}"),
                Inv.S($"; against the contract-value target ¥{Inv.Money(target.Value)} = {Inv.N(percent)}%, capped at {Inv.N(cap)} → {Inv.N(score)}")]);
    }
}
