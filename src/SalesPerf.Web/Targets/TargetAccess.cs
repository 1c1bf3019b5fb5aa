using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Targets;

/// <summary>
/// Which targets the signed-in person may see, enforced in the query: everyone the company's; a rep their own and their
/// team's headline; a manager also their teams' and their reps'; an admin all. Who may set or approve which.
/// </summary>
public sealed class TargetAccess(SalesPerfDbContext db)
{
    public async Task<IQueryable<TargetRecord>> VisibleAsync(AccessScope scope, CancellationToken ct)
    {
        if (scope.IsAdmin) return db.Targets;
        var teams = await TeamIdsAsync(scope, ct);
        var me = scope.UserId;
        var reps = scope.ManagedRepIds.Append(me).ToList();
        return db.Targets.Where(t => t.Level == TargetLevels.Company
                                     || (t.Level == TargetLevels.Team && teams.Contains(t.OwnerId))
                                     || (t.Level == TargetLevels.Rep && reps.Contains(t.OwnerId)));
    }

    /// <summary>The teams whose headline the person sees: their own and those they manage ("D"-format ids).</summary>
    public async Task<List<string>> TeamIdsAsync(AccessScope scope, CancellationToken ct)
    {
        var me = scope.UserId;
        var own = await db.Users.Where(u => u.Id == me && u.TeamId != null).Select(u => u.TeamId!.Value).ToListAsync(ct);
        var managed = await db.Teams.Where(t => t.ManagerId == me).Select(t => t.Id).ToListAsync(ct);
        return own.Concat(managed).Distinct().Select(id => id.ToString("D")).ToList();
    }

    /// <summary>Teams whose reps' split the person sets: an admin every team, a manager the teams they manage.</summary>
    public Task<List<Team>> ManagedTeamsAsync(AccessScope scope, CancellationToken ct) =>
        (scope.IsAdmin ? db.Teams : db.Teams.Where(t => t.ManagerId == scope.UserId)).AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    /// <summary>Sets, splits to and approves a target: company and teams only admins; a rep's their manager or an admin, never the rep.</summary>
    public static bool CanSet(AccessScope scope, string level, string ownerId) => level switch
    {
        TargetLevels.Company or TargetLevels.Team => scope.IsAdmin,
        TargetLevels.Rep => ownerId != scope.UserId && scope.CanManage(ownerId),
        _ => false,
    };

    public static bool CanSee(AccessScope scope, string level, string ownerId, IReadOnlyCollection<string> teamIds) => level switch
    {
        TargetLevels.Company => true,
        TargetLevels.Team => scope.IsAdmin || teamIds.Contains(ownerId),
        _ => scope.IsAdmin || ownerId == scope.UserId || scope.ManagedRepIds.Contains(ownerId),
    };
}
