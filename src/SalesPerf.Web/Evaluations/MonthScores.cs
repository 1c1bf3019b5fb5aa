using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Caching;

namespace SalesPerf.Web.Evaluations;

/// <summary>
/// This month's evaluation totals of the reps a page compares (team board, dashboard), from the one evaluation model via
/// <see cref="ReportService"/> — so the total next to a rep's name is the total on their score page and in their PDF.
/// One evaluation per team, shared by everyone viewing within a few seconds (<see cref="PortalCache"/>).
/// </summary>
public sealed class MonthScores(ReportService reports, CalendarToday today, PortalCache cache)
{
    public EvaluationPeriod Month => ReportPeriod.Month(today.Date.Year, today.Date.Month);

    public async Task<IReadOnlyDictionary<string, RepEvaluation>> ForAsync(AccessScope scope, IEnumerable<(string RepId, Guid? TeamId)> reps, CancellationToken ct)
    {
        var language = Localization.Loc.IsZh ? "zh-CN" : "en";
        var period = Month;
        var scores = new Dictionary<string, RepEvaluation>();
        foreach (var group in reps.GroupBy(r => r.TeamId))
        {
            var wanted = group.Select(r => r.RepId).ToHashSet();
            if (group.Key is { } teamId)
            {
                var team = await cache.GetOrAddAsync($"month-scores|{PortalCache.Viewer(scope)}|{teamId}|{period.Start}|{language}",
                    async () => (await reports.TeamAsync(scope, teamId, period, language, ct)).Value);
                foreach (var r in team?.Reps.Where(r => wanted.Contains(r.RepId)) ?? []) scores[r.RepId] = r;
            }
            else
                foreach (var id in wanted)
                    if ((await reports.RepAsync(scope, id, period, language, ct)).Value is { } r) scores[id] = r;
        }
        return scores;
    }
}
