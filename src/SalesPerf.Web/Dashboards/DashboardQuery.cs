using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Dashboards;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Web.Dashboards;

/// <summary>
/// The dashboard's figures within the viewer's access: one query for the visible deals' rows (columns only), the
/// cached per-deal facts (<see cref="DealFactsCache"/>, checked against the rows' versions) and the pure arithmetic of
/// <see cref="ProcessIndicators"/>. A team or rep outside the viewer's access gives null (the page answers 404).
/// </summary>
public sealed class DashboardQuery(SalesPerfDbContext db, DealFactsCache cache, FlowCatalog flows, CalendarProvider calendars, TimeProvider clock,
    Administration.CustomerTypeNames customerTypes)
{
    private sealed record RepInfo(string Id, string Name, Guid? TeamId);

    public async Task<DashboardData?> LoadAsync(AccessScope scope, DashboardFilter filter, CancellationToken ct = default)
    {
        filter = filter.Normalized();
        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var fromDate = today.AddMonths(-filter.Months).AddDays(1);
        var toDate = today.AddDays(1);
        DateTimeOffset Instant(DateOnly d) => ZonedTime.StartOfDay(d, calendar.Zone);

        var teams = await VisibleTeamsAsync(scope, ct);
        var reps = await VisibleRepsAsync(scope, ct);
        if (filter.TeamId is { } teamId && !teams.ContainsKey(teamId)) return null;
        if (filter.RepId is { } repId && reps.All(r => r.Id != repId)) return null;
        var selected = reps.Where(r => (filter.RepId is null || r.Id == filter.RepId) && (filter.TeamId is null || r.TeamId == filter.TeamId)).ToList();
        if (filter.RepId is not null && filter.TeamId is not null && selected.Count == 0) return null;

        var q = scope.VisibleDeals(db.Deals.AsNoTracking());
        if (filter.CustomerType is { } type) q = q.Where(d => d.CustomerType == type);
        var rows = await q.Select(d => new { d.Id, d.Version, d.RepId, d.CustomerType, d.CreatedAt, d.Status, d.CurrentStageKey, d.CurrentStageStatus }).ToListAsync(ct);
        var facts = await cache.GetAsync(db, rows.Select(r => (r.Id, r.Version)).ToList(), ct);
        var all = rows.Select(r => new DashboardDeal(r.Id, r.RepId, r.CustomerType, r.CreatedAt, facts[r.Id])).ToList();

        var narrowed = filter.RepId is not null || filter.TeamId is not null;
        var selectedIds = selected.Select(r => r.Id).ToHashSet();
        bool Chosen(string repId) => !narrowed || selectedIds.Contains(repId);
        var chosen = all.Where(d => Chosen(d.RepId)).ToList();

        var (order, names) = await StagesAsync(ct);
        var calc = new ProcessIndicators(Instant(fromDate), Instant(toDate), now, calendar.LocalDate, filter.Stage);

        var distribution = rows.Where(r => r.Status == DealStatus.Active && Chosen(r.RepId) && r.CurrentStageKey is not null
                                           && (filter.Stage is null || r.CurrentStageKey == filter.Stage))
            .GroupBy(r => r.CurrentStageKey!)
            .Select(g => new StageBar(g.Key, names.GetValueOrDefault(g.Key), g.Count(r => r.CurrentStageStatus != StageRunStatus.Submitted),
                g.Count(r => r.CurrentStageStatus == StageRunStatus.Submitted)))
            .OrderBy(s => Position(order, s.StageKey)).ToList();

        var cycle = calc.FollowUpCycle(chosen, out var bucket);

        var funnel = new List<FunnelBar>();
        foreach (var step in calc.Funnel(chosen, order))
        {
            double? fromPrevious = funnel.Count == 0 ? null : funnel[^1].Deals == 0 ? null : (double)step.Deals / funnel[^1].Deals;
            funnel.Add(new FunnelBar(step.StageKey, names.GetValueOrDefault(step.StageKey), step.Deals, fromPrevious));
        }

        // Team averages over every visible rep of the team, whichever rep is selected; reps see only themselves.
        var perRep = calc.PerRep(reps.Select(r => new DashboardRep(r.Id, r.TeamId?.ToString() ?? "")), all);
        var showAverage = scope.IsAdmin || scope.IsManager;
        var averages = perRep.GroupBy(r => r.TeamKey).ToDictionary(g => g.Key, g => IndicatorAverage.Of(g.ToList()));
        var byId = reps.ToDictionary(r => r.Id);
        var repRows = perRep.Where(r => selectedIds.Contains(r.RepId))
            .Select(r => new RepRow(r, byId[r.RepId].Name,
                byId[r.RepId].TeamId is { } t && teams.TryGetValue(t, out var tn) ? tn : "",
                showAverage ? averages[r.TeamKey] : null))
            .OrderBy(r => r.TeamName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        // Admin-maintained customer types with their names in the viewer's language (an archived type only while it is the
        // chosen filter); before any exist, the types the deals carry.
        var catalog = await customerTypes.GetAsync(ct);
        var types = catalog.All.Where(t => !t.Archived || t.Key == filter.CustomerType)
            .Select(t => new Option(t.Key, Administration.CustomerTypeCatalog.Name(t))).ToList();
        if (types.Count == 0) types = rows.Select(r => r.CustomerType).Distinct().Order(StringComparer.Ordinal).Select(k => new Option(k, "")).ToList();

        return new DashboardData(filter, fromDate, today,
            teams.Select(t => new Option(t.Key.ToString(), t.Value)).OrderBy(o => o.Label, StringComparer.Ordinal).ToList(),
            reps.Select(r => new Option(r.Id, r.Name)).OrderBy(o => o.Label, StringComparer.Ordinal).ToList(),
            types, order.Select(k => new StageOption(k, names.GetValueOrDefault(k))).ToList(),
            distribution, bucket, cycle, funnel, repRows, showAverage);
    }

    private static int Position(List<string> order, string key) => order.IndexOf(key) is var i and >= 0 ? i : int.MaxValue;

    private async Task<Dictionary<Guid, string>> VisibleTeamsAsync(AccessScope scope, CancellationToken ct)
    {
        var teams = db.Teams.AsNoTracking();
        if (!scope.IsAdmin) teams = teams.Where(t => t.ManagerId == scope.UserId);
        return await teams.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
    }

    /// <summary>Admins: every rep; managers: their teams' reps; reps: themselves.</summary>
    private async Task<List<RepInfo>> VisibleRepsAsync(AccessScope scope, CancellationToken ct)
    {
        var managed = scope.ManagedRepIds.ToList();
        var users = scope.IsAdmin ? db.UsersInRole(Roles.Rep)
            : scope.IsManager ? db.Users.AsNoTracking().Where(u => managed.Contains(u.Id))
            : db.Users.AsNoTracking().Where(u => u.Id == scope.UserId);
        return await users.Select(u => new RepInfo(u.Id, u.DisplayName, u.TeamId)).ToListAsync(ct);
    }

    /// <summary>Stage order and names across the published flows (<see cref="FlowCatalog.PublishedStagesAsync"/>).</summary>
    private async Task<(List<string> Order, Dictionary<string, StageName> Names)> StagesAsync(CancellationToken ct)
    {
        var stages = await flows.PublishedStagesAsync(ct);
        return ([.. stages.Select(s => s.Key)], stages.ToDictionary(s => s.Key, s => DealViews.Name(s.Name)));
    }
}
