using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Pages.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Team;

public sealed record StageCount(string StageKey, StageName? Name, int Open, int Waiting);

public sealed record TeamBoard(IReadOnlyList<StageCount> ByStage, IReadOnlyList<DealRow> Overdue, int OverdueTotal, IReadOnlyList<DealRow> Stalled, int StalledTotal);

/// <summary>
/// The team at a glance, within the viewer's access: open deals per stage, overdue stages, and stalled deals — no
/// activity for N days and no follow-up scheduled from today on.
/// </summary>
public sealed class TeamBoardQuery(SalesPerfDbContext db, FlowCatalog flows, DealRows dealRows, TimeProvider clock, CalendarProvider calendars)
{
    public const int ListLimit = 30;

    public async Task<TeamBoard> LoadAsync(AccessScope scope, int stalledDays, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = (await calendars.GetAsync(ct)).LocalDate(now);
        var active = scope.VisibleDeals(db.Deals.AsNoTracking()).Where(d => d.Status == DealStatus.Active);

        var counts = await active.GroupBy(d => new { d.CurrentStageKey, d.CurrentStageStatus })
            .Select(g => new { g.Key.CurrentStageKey, g.Key.CurrentStageStatus, Count = g.Count() }).ToListAsync(ct);
        var stages = await flows.PublishedStagesAsync(ct); // deals of every flow, e.g. the power-service flow's site survey
        var order = stages.Select(s => s.Key).ToList();
        var byStage = counts.GroupBy(c => c.CurrentStageKey ?? "")
            .Select(g => new StageCount(g.Key, stages.FirstOrDefault(s => s.Key == g.Key) is { } s ? DealViews.Name(s.Name) : null,
                g.Where(c => c.CurrentStageStatus == StageRunStatus.Open).Sum(c => c.Count),
                g.Where(c => c.CurrentStageStatus == StageRunStatus.Submitted).Sum(c => c.Count)))
            .OrderBy(s => order.IndexOf(s.StageKey) is var i && i < 0 ? int.MaxValue : i).ToList();

        var overdue = active.Where(d => d.CurrentStageStatus == StageRunStatus.Open && d.CurrentDueAt < now);
        var quietSince = now.AddDays(-stalledDays);
        var stalled = active.Where(d => d.LastActivityAt < quietSince && (d.NextFollowUpDate == null || d.NextFollowUpDate < today));
        return new TeamBoard(byStage,
            await RowsAsync(overdue.OrderBy(d => d.CurrentDueAt), scope, ct), await overdue.CountAsync(ct),
            await RowsAsync(stalled.OrderBy(d => d.LastActivityAt), scope, ct), await stalled.CountAsync(ct));
    }

    private async Task<IReadOnlyList<DealRow>> RowsAsync(IQueryable<Persistence.Records.DealRecord> q, AccessScope scope, CancellationToken ct) =>
        await dealRows.ForAsync(await q.Take(ListLimit).ToListAsync(ct), scope, ct);
}
