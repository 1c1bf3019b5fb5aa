using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Deals;

public sealed record NewDealChoice(string Value, string Label);

/// <summary>
/// What the person may pick on the "new deal" form: the active customer types (by their names), the published flows
/// (the default one first), and — for managers and admins — the reps they may start a deal for (their teams' reps; all reps).
/// </summary>
public sealed record NewDealChoices(IReadOnlyList<NewDealChoice> Types, IReadOnlyList<NewDealChoice> Flows, string? DefaultFlow,
    bool ChoosesRep, IReadOnlyList<NewDealChoice> Reps)
{
    public bool ChoosesFlow => Flows.Count > 1;
}

public sealed class NewDealChoiceQuery(SalesPerfDbContext db, FlowCatalog flows, CustomerTypeNames customerTypes, Loc l, TimeProvider clock)
{
    public async Task<NewDealChoices> ForAsync(AccessScope scope, CancellationToken ct = default)
    {
        var types = (await customerTypes.GetAsync(ct)).Active.Select(t => new NewDealChoice(t.Key, CustomerTypeCatalog.Name(t))).ToList();

        var flowChoices = (await flows.LatestPublishedAllAsync(ct))
            .Select(f => new NewDealChoice(f.DefinitionId, l.Pick(f.Name) is { Length: > 0 } name ? name : f.DefinitionId)).ToList();
        var defaultFlow = flowChoices.Any(f => f.Value == DealService.DefaultFlowId) ? DealService.DefaultFlowId : flowChoices.FirstOrDefault()?.Value;
        flowChoices = [.. flowChoices.OrderBy(f => f.Value == defaultFlow ? 0 : 1).ThenBy(f => f.Label, StringComparer.CurrentCulture)];

        var choosesRep = scope.IsAdmin || scope.IsManager;
        IReadOnlyList<NewDealChoice> reps;
        if (!choosesRep)
        {
            var me = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            reps = [new NewDealChoice(scope.UserId, me ?? "")];
        }
        else
        {
            var q = db.UsersInRole(Roles.Rep);
            if (!scope.IsAdmin)
            {
                var managed = scope.ManagedRepIds.ToList();
                q = q.Where(u => managed.Contains(u.Id));
            }
            var now = clock.GetUtcNow();
            // Lockout is compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
            var rows = await q.Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd, u.TeamId }).ToListAsync(ct);
            // Admins pick among every team's reps: the team is part of the name.
            var teams = scope.IsAdmin ? await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct) : [];
            reps = rows.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
                .Select(u => new NewDealChoice(u.Id, (u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id)
                    + (u.TeamId is { } t && teams.TryGetValue(t, out var team) ? " · " + team : "")))
                .OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        }
        return new NewDealChoices(types, flowChoices, defaultFlow, choosesRep, reps);
    }
}
