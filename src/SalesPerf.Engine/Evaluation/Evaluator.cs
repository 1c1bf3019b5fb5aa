using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// Computes the evaluations of a team's reps for a period from their deals' events, the score ledger and the managers'
/// input. Pure: the same input gives the same report. Scores are rounded to one decimal at each step (indicator,
/// dimension, total), so a reader can redo every sum by hand from the printed figures.
/// </summary>
public static class Evaluator
{
    public static TeamEvaluation EvaluateTeam(TeamInput team, EvaluationPeriod period, string language, EvaluationSettings settings)
    {
        if (period.End <= period.Start) throw new ArgumentException("A period ends after it starts.", nameof(period));
        var t = new Words(language);
        var w = Window.Of(period, settings.Zone);
        if (settings.AsOf is { } asOf && asOf < w.To) w = w with { JudgedUntil = asOf };
        var reps = team.Reps.Select(r =>
        {
            var deals = r.Deals.Select(DealReplay.From).ToList();
            return (Input: r, Deals: deals, Raw: RepIndicators.For(r, deals, w, settings.Weights, t));
        }).ToList();

        // Relative indicators need the team's best.
        var best = EvaluationModel.Indicators.ToDictionary(i => i.Key,
            i => reps.Select(r => r.Raw.Single(x => x.Key == i.Key)).Where(x => x.Scored).Select(x => x.Value).DefaultIfEmpty(0).Max());
        var scored = reps.Select(r => (r.Input, r.Deals, Indicators: r.Raw.Select(x => Score(x, best[x.Key], t)).ToList())).ToList();

        var indicatorAverages = EvaluationModel.Indicators.ToDictionary(i => i.Key,
            i => Average(scored.Select(r => r.Indicators.Single(x => x.Raw.Key == i.Key)).Where(x => x.Raw.Scored).Select(x => x.Score)));
        var indicatorTeamScored = EvaluationModel.Indicators.ToDictionary(i => i.Key,
            i => scored.Any(r => r.Indicators.Single(x => x.Raw.Key == i.Key).Raw.Scored));
        var dimensions = scored.Select(r => Dimensions(r.Indicators, settings.Weights, t)).ToList();
        var dimensionAverages = EvaluationModel.Dimensions.ToDictionary(d => d.Key,
            d => Average(dimensions.Select(ds => ds.Single(x => x.Key == d.Key)).Where(x => x.Scored).Select(x => x.Score)));
        var dimensionTeamScored = EvaluationModel.Dimensions.ToDictionary(d => d.Key,
            d => dimensions.Any(ds => ds.Single(x => x.Key == d.Key).Scored));
        var totals = dimensions.Select(ds => Total(ds, settings.Weights)).ToList();
        var teamAverage = Average(totals);

        var results = new List<RepEvaluation>();
        for (var i = 0; i < scored.Count; i++)
        {
            var (input, deals, _) = scored[i];
            var dims = dimensions[i].Select(d => new DimensionResult(d.Key, d.Name, d.Weight, d.Score, dimensionAverages[d.Key],
                d.Indicators.Select(x => x with { TeamAverageScore = indicatorAverages[x.Key], TeamScored = indicatorTeamScored[x.Key] }).ToList())
                { Scored = d.Scored, TeamScored = dimensionTeamScored[d.Key] }).ToList();
            results.Add(new RepEvaluation(
                input.RepId, input.Name, team.TeamName, team.ManagerName, period, t.Language,
                totals[i], teamAverage, 1 + totals.Count(x => x > totals[i]), scored.Count,
                dims,
                Timelines(deals, w, t),
                Delays(deals, input.Ledger, w, t),
                input.Comments.OrderBy(c => c.At).ToList(),
                Advice(dims, settings.Suggestions, t)));
        }
        return new TeamEvaluation(team.TeamName, team.ManagerName, period, t.Language,
            results.OrderBy(r => r.Rank).ThenBy(r => r.RepName, StringComparer.Ordinal).ToList());
    }

    private sealed record ScoredIndicator(RawIndicator Raw, decimal Score, string How);

    private static ScoredIndicator Score(RawIndicator raw, decimal best, Words t)
    {
        if (!raw.Scored || raw.Normalisation == Normalisation.Absolute) return new(raw, raw.Scored ? raw.AbsoluteScore : 0, raw.How);
        if (best <= 0)
            return new(raw, 0, raw.How + t["；团队中无人有此项 → 0", "; nobody in the team had any → 0"]);
        var score = Inv.R(raw.Value / best * 100, 1);
        var shown = raw.Key == EvaluationModel.ContractValue ? "¥" + Inv.Money(best) : Inv.N2(best);
        var mine = raw.Key == EvaluationModel.ContractValue ? "¥" + Inv.Money(raw.Value) : Inv.N2(raw.Value);
        return new(raw, score, raw.How + t[Inv.S($"；团队最高 {shown} → {mine} ÷ {shown} × 100 = {Inv.N(score)}"),
            Inv.S($"; team best {shown} → {mine} / {shown} × 100 = {Inv.N(score)}")]);
    }

    private sealed record Dim(string Key, string Name, decimal Weight, decimal Score, bool Scored, List<IndicatorResult> Indicators);

    private static List<Dim> Dimensions(List<ScoredIndicator> indicators, EvaluationWeights weights, Words t) =>
        EvaluationModel.Dimensions.Select(d =>
        {
            var mine = EvaluationModel.Indicators.Where(i => i.Dimension == d.Key)
                .Select(i => (Def: i, S: indicators.Single(x => x.Raw.Key == i.Key))).ToList();
            var results = mine.Select(x => new IndicatorResult(x.Def.Key, t.Pick(x.Def.Name), weights[x.Def.Key], x.S.Raw.Value, x.S.Raw.Display,
                x.S.Score, 0, x.S.How) { Scored = x.S.Raw.Scored }).ToList();
            var counted = mine.Where(x => x.S.Raw.Scored).ToList();
            var weightSum = counted.Sum(x => weights[x.Def.Key]);
            var scoredDim = counted.Count > 0;
            var score = weightSum > 0 ? Inv.R(counted.Sum(x => weights[x.Def.Key] * x.S.Score) / weightSum, 1)
                : scoredDim ? Inv.R(counted.Average(x => x.S.Score), 1) : 0;
            return new Dim(d.Key, t.Pick(d.Name), weights[d.Key], score, scoredDim, results);
        }).ToList();

    private static decimal Total(List<Dim> dims, EvaluationWeights weights)
    {
        var counted = dims.Where(d => d.Scored).ToList();
        var weightSum = counted.Sum(d => weights[d.Key]);
        return weightSum > 0 ? Inv.R(counted.Sum(d => weights[d.Key] * d.Score) / weightSum, 1) : 0;
    }

    private static decimal Average(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : Inv.R(list.Average(), 1);
    }

    private static List<DealTimeline> Timelines(List<DealReplay> deals, Window w, Words t) =>
        deals.Where(d => d.Activity.Any(w.Contains))
            .OrderBy(d => d.Activity.First(w.Contains))
            .Select(d => new DealTimeline(d.DealId, d.Title, d.Customer, Status(d.StatusAt(w.To), t),
                d.Runs.Where(r => r.Started < w.To).Select(r =>
                {
                    var ended = r.Ended < w.To ? r.Ended : null;
                    return new StageSpan(r.StageKey, d.StageName(r.StageKey, t.Language), r.Started, ended, r.Due,
                        ended is null ? StageOutcome.InProgress : r.Outcome, r.Revisions);
                }).ToList()))
            .ToList();

    private static string Status(DealStatus s, Words t) => s switch
    {
        DealStatus.Won => t["已赢单", "Won"],
        DealStatus.Lost => t["已丢单", "Lost"],
        DealStatus.OnHold => t["暂停", "On hold"],
        _ => t["进行中", "Active"],
    };

    /// <summary>
    /// Late stages approved in the period. The deduction is the score ledger's: the late-deduction line of the approval
    /// plus any adjustment lines from re-classifying its delay (also later ones: the manager's last word counts).
    /// </summary>
    private static List<DelayLine> Delays(List<DealReplay> deals, IReadOnlyList<LedgerLine> ledger, Window w, Words t)
    {
        var byDeal = ledger.ToLookup(l => l.DealId);
        var lines = new List<DelayLine>();
        foreach (var d in deals)
        foreach (var run in d.Runs.Where(r => r.LateDays > 0 && r.ApprovedIn(w.From, w.To)))
        {
            var delay = d.DelayOf(run);
            var reclassified = run.ScoredDelayNo is { } no && d.Delays.TryGetValue(no, out var scored) ? scored.ReclassifiedAt : [];
            var points = byDeal[d.DealId].Select(l => l.Entry)
                .Where(e => (e.Kind == ScoreKind.LateDeduction && e.EventSequence == run.ApprovalSequence)
                            || (e.Kind == ScoreKind.AttributionAdjusted && reclassified.Contains(e.EventSequence)))
                .Sum(e => e.Points);
            var attribution = d.AttributionOf(run);
            var name = attribution switch
            {
                DelayAttribution.Customer => t["客户原因", "Customer"],
                DelayAttribution.Other => t["其他原因", "Other"],
                _ => t["销售原因", "Rep"],
            };
            if (reclassified.Count > 0) name += t["（经理改判）", " (re-classified by the manager)"];
            lines.Add(new DelayLine(d.DealId, d.Title, d.StageName(run.StageKey, t.Language), run.LateDays,
                delay?.Reason is { Length: > 0 } reason ? reason : t["未填写延误原因", "No delay reason recorded"],
                attribution.ToString().ToLowerInvariant(), name, -points, attribution != DelayAttribution.Customer, run.ApprovedAt!.Value));
        }
        return lines.OrderBy(l => l.At).ToList();
    }

    private static List<TrainingAdvice> Advice(List<DimensionResult> dims, IReadOnlyList<TrainingSuggestion> suggestions, Words t)
    {
        var advice = new List<TrainingAdvice>();
        foreach (var s in suggestions)
        {
            var (name, score, isScored) = dims.SelectMany(d => d.Indicators).FirstOrDefault(i => i.Key == s.IndicatorKey) is { } i
                ? (i.Name, i.Score, i.Scored)
                : dims.FirstOrDefault(d => d.Key == s.IndicatorKey) is { } d ? (d.Name, d.Score, d.Scored) : ("", 0m, false);
            if (!isScored || score >= s.Threshold) continue;
            advice.Add(new TrainingAdvice(name, t.Pick(s.Title),
                t.Pick(s.Detail) + t[Inv.S($"（该项得分 {Inv.N(score)}，低于 {Inv.N(s.Threshold)}）"), Inv.S($" (score {Inv.N(score)}, below {Inv.N(s.Threshold)})")]));
        }
        return advice;
    }
}
