using SalesPerf.Engine.Projections;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scoring;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Engine.Evaluation;

/// <summary>
/// Computes the evaluations of a team's reps for a period from their deals' events, the score ledger, their targets and
/// the managers' input. Pure: the same input gives the same report. Every indicator is scored on its own scale (attainment
/// of the rep's target, a rate, a rule) — never against a teammate. Scores are rounded to one decimal at each step
/// (indicator, dimension, total), so a reader can redo every sum by hand from the printed figures.
/// </summary>
public static class Evaluator
{
    public static TeamEvaluation EvaluateTeam(TeamInput team, EvaluationPeriod period, string language, EvaluationSettings settings)
    {
        if (period.End <= period.Start) throw new ArgumentException("A period ends after it starts.", nameof(period));
        var t = new Words(language);
        var whole = Window.Of(period, settings.Zone);
        if (settings.AsOf is { } asOf && asOf < whole.To) whole = whole with { JudgedUntil = asOf };
        whole = whole with { Closed = settings.Closed.Select(c => (ZonedTime.StartOfDay(c.Period.Start, settings.Zone), ZonedTime.StartOfDay(c.Period.End, settings.Zone), c.ClosedAt, c.Period)).ToList() };
        var reps = team.Reps.Select(r =>
        {
            var w = r.Presence is { } presence ? whole.Within(presence) : whole;
            var deals = r.Deals.Select(DealProjection.From).ToList();
            var figures = RepFigures.For(r, deals, w, settings.Weights, t);
            var dimensions = Dimensions(figures.Indicators, settings.Weights, t);
            // Something was expected of the rep: a target, work on a deal, or the manager's ratings or recorded trainings.
            var scored = r.Targets.Count > 0 || deals.Any(d => d.Activity.Any(w.Contains))
                         || r.Ratings.Any(x => w.Contains(x.At)) || r.Trainings.Any(x => w.Contains(x.At));
            return (Input: r, Window: w, Deals: deals, Figures: figures, Dimensions: dimensions, Scored: scored, Total: scored ? Total(dimensions, settings.Weights) : 0);
        }).ToList();

        var counted = reps.Where(r => r.Scored).ToList();
        var indicatorAverages = EvaluationModel.Indicators.ToDictionary(i => i.Key,
            i => counted.Select(r => r.Figures.Indicators.Single(x => x.Key == i.Key)).Where(x => x.Scored).Select(x => x.Score).ToList());
        var dimensionAverages = EvaluationModel.Dimensions.ToDictionary(d => d.Key,
            d => counted.Select(r => r.Dimensions.Single(x => x.Key == d.Key)).Where(x => x.Scored).Select(x => x.Score).ToList());
        var teamAverage = Average(counted.Select(r => r.Total));

        var results = reps.Select(r =>
        {
            var dims = r.Dimensions.Select(d => new DimensionResult(d.Key, d.Name, d.Weight, d.Score, Average(dimensionAverages[d.Key]),
                d.Indicators.Select(x => x with { TeamAverageScore = Average(indicatorAverages[x.Key]), TeamScored = indicatorAverages[x.Key].Count > 0 }).ToList())
                { Scored = d.Scored, TeamScored = dimensionAverages[d.Key].Count > 0 }).ToList();
            return new RepEvaluation(
                r.Input.RepId, r.Input.Name, team.TeamName, team.ManagerName, period, t.Language,
                r.Total, teamAverage, r.Scored ? 1 + counted.Count(x => x.Total > r.Total) : 0, counted.Count,
                dims,
                Timelines(r.Deals, r.Window, t),
                DelayTable.For(r.Deals, r.Input.Ledger, r.Window, t),
                r.Input.Comments.OrderBy(c => c.At).ToList(),
                Advice(dims, settings.Suggestions, t))
            {
                Scored = r.Scored,
                Presence = r.Input.Presence is { } p && (p.Start > period.Start || p.End < period.End) ? p : null,
                Deductions = r.Figures.Deductions,
                SendBacks = r.Figures.SendBacks,
                FollowUps = r.Deals.SelectMany(d => d.FollowUps.Where(f => r.Window.Counts(f.VisitedAt, f.RecordedAt))
                    .Select(f => new FollowUpLine(d.DealId, d.Title, d.Customer, f.VisitedAt, f.Sequence, f.Content) { AdjustmentFor = r.Window.ClosedBefore(f.VisitedAt, f.RecordedAt) }))
                    .OrderBy(f => f.VisitedAt).ToList(),
                Targets = r.Figures.Targets,
                Disputes = r.Input.Disputes,
            };
        }).ToList();
        return new TeamEvaluation(team.TeamName, team.ManagerName, period, t.Language,
            results.OrderBy(r => r.Scored ? 0 : 1).ThenBy(r => r.Rank).ThenBy(r => r.RepName, StringComparer.Ordinal).ToList());
    }

    private sealed record Dim(string Key, string Name, decimal Weight, decimal Score, bool Scored, List<IndicatorResult> Indicators);

    private static List<Dim> Dimensions(List<RawIndicator> indicators, EvaluationWeights weights, Words t) =>
        EvaluationModel.Dimensions.Select(d =>
        {
            var mine = EvaluationModel.Indicators.Where(i => i.Dimension == d.Key)
                .Select(i => (Def: i, Raw: indicators.Single(x => x.Key == i.Key))).ToList();
            var results = mine.Select(x => new IndicatorResult(x.Def.Key, t.Pick(x.Def.Name), weights[x.Def.Key], x.Raw.Value, x.Raw.Display,
                x.Raw.Scored ? x.Raw.Score : 0, 0, x.Raw.How) { Scored = x.Raw.Scored }).ToList();
            var counted = mine.Where(x => x.Raw.Scored).ToList();
            var weightSum = counted.Sum(x => weights[x.Def.Key]);
            var scoredDim = counted.Count > 0;
            var score = weightSum > 0 ? Inv.R(counted.Sum(x => weights[x.Def.Key] * x.Raw.Score) / weightSum, 1)
                : scoredDim ? Inv.R(counted.Average(x => x.Raw.Score), 1) : 0;
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

    private static List<DealTimeline> Timelines(List<DealProjection> deals, Window w, Words t) =>
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
