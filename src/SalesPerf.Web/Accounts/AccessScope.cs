using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Accounts;

/// <summary>
/// What the signed-in person may see: a rep their own deals, a manager their teams' reps' deals, an admin all.
/// Every deal query goes through <see cref="VisibleDeals"/>, so the rule is enforced in the database query.
/// </summary>
public sealed class AccessScope(string userId, IReadOnlySet<string> roles, IReadOnlySet<string> managedRepIds)
{
    public string UserId { get; } = userId;
    public IReadOnlySet<string> Roles { get; } = roles;
    public IReadOnlySet<string> ManagedRepIds { get; } = managedRepIds;
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);
    /// <summary>The app itself (reminder sweeper): sees every deal, may only record what it did.</summary>
    public bool IsSystem => Roles.Contains(Engine.Deals.Actor.SystemRole);

    public static AccessScope System { get; } = new("system", new HashSet<string> { Engine.Deals.Actor.SystemRole }, new HashSet<string>());
    public bool IsManager => Roles.Contains(Accounts.Roles.Manager);

    public bool CanSee(string repId) => IsAdmin || IsSystem || repId == UserId || ManagedRepIds.Contains(repId);
    public bool CanManage(string repId) => IsAdmin || ManagedRepIds.Contains(repId);

    public IQueryable<DealRecord> VisibleDeals(IQueryable<DealRecord> deals)
    {
        if (IsAdmin || IsSystem) return deals;
        var me = UserId;
        var reps = ManagedRepIds.ToList();
        return reps.Count == 0 ? deals.Where(d => d.RepId == me) : deals.Where(d => d.RepId == me || reps.Contains(d.RepId));
    }

    public Actor ActorFor(string repId) => new(UserId, Roles, repId == UserId, ManagedRepIds.Contains(repId));

    public static async Task<AccessScope?> ForAsync(ClaimsPrincipal principal, SalesPerfDbContext db, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return await ForUserAsync(userId, roles, db, ct);
    }

    public static async Task<AccessScope> ForUserAsync(string userId, IReadOnlySet<string> roles, SalesPerfDbContext db, CancellationToken ct = default)
    {
        var managed = roles.Contains(Accounts.Roles.Manager)
            ? await db.Users.Where(u => u.TeamId != null && db.Teams.Any(t => t.Id == u.TeamId && t.ManagerId == userId))
                .Select(u => u.Id).ToListAsync(ct)
            : [];
        return new AccessScope(userId, roles, managed.Where(id => id != userId).ToHashSet());
    }
}
