using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Engine.Dashboards;

/// <summary>A deal as the dashboards see it: who owns it, its customer type, when it started, and its facts.</summary>
public sealed record DashboardDeal(Guid DealId, string RepId, string CustomerType, DateTimeOffset CreatedAt, DealFacts Facts);

/// <summary>A rep and the team they are compared with.</summary>
public sealed record DashboardRep(string RepId, string TeamKey);

/// <summary>
/// A rep's process indicators for a period [From, To): follow-ups logged; stages counted for completion and how many of
/// them were completed, and stages approved in the period and how many on time, both as <see cref="Evaluation.IndicatorRules"/>
/// defines them for the evaluation;
/// send-backs (revisions); the mean days from a stage's start to its approval.
/// </summary>
public sealed record RepIndicators(string RepId, string TeamKey, int FollowUps, int StagesDue, int StagesCompleted, int Approved,
    int ApprovedOnTime, int Revisions, double? CycleDays)
{
    public double? CompletionRate => StagesDue == 0 ? null : (double)StagesCompleted / StagesDue;
    public double? OnTimeRate => Approved == 0 ? null : (double)ApprovedOnTime / Approved;
}

/// <summary>The mean of a group of reps' indicators (each rep counts once; rates over the reps that have one).</summary>
public sealed record IndicatorAverage(int Reps, double FollowUps, double? CompletionRate, double? OnTimeRate, double Revisions, double? CycleDays)
{
    public static IndicatorAverage Of(IReadOnlyCollection<RepIndicators> reps) => new(
        reps.Count,
        reps.Count == 0 ? 0 : reps.Average(r => r.FollowUps),
        Mean(reps.Select(r => r.CompletionRate)),
        Mean(reps.Select(r => r.OnTimeRate)),
        reps.Count == 0 ? 0 : reps.Average(r => r.Revisions),
        Mean(reps.Select(r => r.CycleDays)));

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }
}

public enum CycleBucket { Week, Month }

/// <summary>One point of the follow-up cycle line: the median days between a deal's consecutive follow-ups logged in the bucket.</summary>
public sealed record CyclePoint(DateOnly Start, double? MedianDays, int Gaps);

/// <summary>One step of the funnel: deals (started in the period) that reached the stage; the last step is "won".</summary>
public sealed record FunnelStep(string StageKey, int Deals);

/// <summary>
/// The dashboards' arithmetic, pure: everything is computed from <see cref="DealFacts"/>, so a figure can be checked by
/// hand against the deals' histories. <paramref name="localDate"/> maps an instant to the company's calendar date.
/// </summary>
public sealed class ProcessIndicators(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, Func<DateTimeOffset, DateOnly> localDate, string? stageKey = null)
{
    public const string WonStep = "won";

    private bool InPeriod(DateTimeOffset t) => t >= from && t < to;
    private bool StageMatches(string? key) => stageKey is null || key == stageKey;

    public IReadOnlyList<RepIndicators> PerRep(IEnumerable<DashboardRep> reps, IEnumerable<DashboardDeal> deals)
    {
        var byRep = deals.GroupBy(d => d.RepId).ToDictionary(g => g.Key, g => g.ToList());
        var dueUntil = to < now ? to : now;
        return reps.Select(rep =>
        {
            var mine = byRep.GetValueOrDefault(rep.RepId) ?? [];
            var runs = mine.SelectMany(d => d.Facts.Stages).Where(r => StageMatches(r.StageKey)).ToList();
            // Completion and on-time as the evaluation defines them (IndicatorRules).
            var completion = runs.Select(r => IndicatorRules.Completion(r.DueAt, r.End == StageRunEnd.Approved ? r.EndedAt : null,
                r.End is StageRunEnd.SentBack or StageRunEnd.Closed or StageRunEnd.Migrated ? r.EndedAt : null, r.CustomerWait || r.HeldAtDue, from, to, dueUntil)).ToList();
            var approved = runs.Where(r => r.End == StageRunEnd.Approved && InPeriod(r.EndedAt!.Value)).ToList();
            var judged = approved.Select(r => IndicatorRules.OnTime(r.EndedAt, r.LateDays, r.CustomerWait, from, to)).Where(j => j is not null).ToList();
            return new RepIndicators(rep.RepId, rep.TeamKey,
                mine.SelectMany(d => d.Facts.FollowUps).Count(f => InPeriod(f.VisitedAt) && StageMatches(f.StageKey)),
                completion.Count(c => c is CompletionCount.Done or CompletionCount.Open),
                completion.Count(c => c == CompletionCount.Done),
                judged.Count,
                judged.Count(j => j == true),
                runs.Sum(r => r.SentBackAt.Count(InPeriod)),
                approved.Count == 0 ? null : approved.Average(r => (r.EndedAt!.Value - r.StartedAt).TotalDays));
        }).ToList();
    }

    /// <summary>Median days between consecutive follow-ups of the same deal, per week (periods up to 92 days) or month.</summary>
    public IReadOnlyList<CyclePoint> FollowUpCycle(IEnumerable<DashboardDeal> deals, out CycleBucket bucket)
    {
        var first = localDate(from);
        var last = localDate(to.AddTicks(-1));
        var unit = last.DayNumber - first.DayNumber < 92 ? CycleBucket.Week : CycleBucket.Month;
        bucket = unit;
        DateOnly Start(DateOnly d) => unit == CycleBucket.Week
            ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7))
            : new DateOnly(d.Year, d.Month, 1);
        DateOnly Next(DateOnly d) => unit == CycleBucket.Week ? d.AddDays(7) : d.AddMonths(1);

        var gaps = new Dictionary<DateOnly, List<double>>();
        foreach (var deal in deals)
        {
            var visits = deal.Facts.FollowUps.OrderBy(f => f.VisitedAt).ToList();
            for (var i = 1; i < visits.Count; i++)
            {
                var f = visits[i];
                if (!InPeriod(f.VisitedAt) || !StageMatches(f.StageKey)) continue;
                var key = Start(localDate(f.VisitedAt));
                if (!gaps.TryGetValue(key, out var list)) gaps[key] = list = [];
                list.Add((f.VisitedAt - visits[i - 1].VisitedAt).TotalDays);
            }
        }
        var points = new List<CyclePoint>();
        for (var d = Start(first); d <= last; d = Next(d))
        {
            var list = gaps.GetValueOrDefault(d);
            points.Add(new CyclePoint(d, list is null ? null : Median(list), list?.Count ?? 0));
        }
        return points;
    }

    /// <summary>
    /// Of the deals created in the period: how many got at least as far as each stage (in flow order; a stage that only
    /// some flows have counts the deals that passed its position), and how many were won.
    /// </summary>
    public IReadOnlyList<FunnelStep> Funnel(IEnumerable<DashboardDeal> deals, IReadOnlyList<string> stageOrder)
    {
        var position = stageOrder.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var furthest = deals.Where(d => InPeriod(d.CreatedAt))
            .Select(d => (Won: d.Facts.WonAt is not null,
                Index: d.Facts.WonAt is not null ? stageOrder.Count - 1 : d.Facts.Stages.Select(r => position.GetValueOrDefault(r.StageKey, -1)).DefaultIfEmpty(-1).Max()))
            .ToList();
        var steps = stageOrder.Select((k, i) => new FunnelStep(k, furthest.Count(f => f.Index >= i))).ToList();
        steps.Add(new FunnelStep(WonStep, furthest.Count(f => f.Won)));
        return steps;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
