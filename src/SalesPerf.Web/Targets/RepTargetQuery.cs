using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Targets;

/// <summary>
/// What the evaluation scores against: each rep's approved targets per metric cut to the evaluation period (pro rata by
/// days, change-log effective dates honoured). A rep with no approved target on a metric gets no entry for it ("not scored").
/// </summary>
public sealed class RepTargetQuery(SalesPerfDbContext db, Flows.CalendarProvider calendars)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RepTarget>>> ForPeriodAsync(
        IReadOnlyCollection<string> repIds, EvaluationPeriod period, CancellationToken ct)
    {
        var result = new Dictionary<string, IReadOnlyList<RepTarget>>();
        if (repIds.Count == 0 || period.End <= period.Start) return result;
        var ids = repIds.Distinct().ToList();
        var earliest = period.Start.AddYears(-1); // no target period is longer than a year
        var rows = await db.Targets.AsNoTracking()
            .Where(t => t.Level == TargetLevels.Rep && ids.Contains(t.OwnerId) && t.ApprovedAt != null
                        && t.PeriodStart < period.End && t.PeriodStart > earliest)
            .Select(t => new { t.Id, t.OwnerId, t.Metric, t.PeriodKind, t.PeriodStart }).ToListAsync(ct);
        var targets = rows.Select(t => (Row: t, Period: TargetPeriod.FromStored(t.PeriodKind, t.PeriodStart)))
            .Where(t => t.Period is not null && t.Period.End > period.Start).ToList();
        if (targets.Count == 0) return result;

        var targetIds = targets.Select(t => t.Row.Id).ToList();
        var changes = await db.TargetChanges.AsNoTracking().Where(c => targetIds.Contains(c.TargetId) && c.InForce)
            .Select(c => new { c.TargetId, c.EffectiveFrom, c.NewValue, c.At, c.ById, c.Action }).ToListAsync(ct);
        var byIds = changes.Select(c => c.ById).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var zone = calendars.Zone;
        DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

        foreach (var rep in targets.GroupBy(t => t.Row.OwnerId))
        {
            var list = new List<RepTarget>();
            foreach (var metric in rep.GroupBy(t => t.Row.Metric).OrderBy(g => MetricOrder(g.Key)))
            {
                var timelines = metric.Select(t => new TargetTimeline(t.Period!, changes.Where(c => c.TargetId == t.Row.Id)
                        .OrderBy(c => c.At)
                        .Select(c => new InForceValue(c.EffectiveFrom, c.NewValue, LocalDay(c.At), names.GetValueOrDefault(c.ById, "—"), c.Action != TargetActions.Approve))
                        .ToList()))
                    .Where(t => t.Values.Count > 0);
                if (TargetProration.Cut(timelines, period.Start, period.End) is { } cut) list.Add(new RepTarget(metric.Key, cut.Value, cut.Source));
            }
            if (list.Count > 0) result[rep.Key] = list;
        }
        return result;
    }

    private static int MetricOrder(string key)
    {
        var i = TargetMetrics.All.ToList().FindIndex(m => m.Key == key);
        return i < 0 ? int.MaxValue : i;
    }
}
