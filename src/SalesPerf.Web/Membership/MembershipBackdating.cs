using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Membership;

/// <summary>
/// For seeded people who "were always there" (the demo company, whose deals go back nine months): their memberships start
/// at <see cref="TeamMembershipRecord.Beginning"/> instead of the day they were created. Only for users just created.
/// </summary>
public static class MembershipBackdating
{
    public static async Task FromBeginningAsync(SalesPerfDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return;
        // From is part of the key: update in the database and forget the tracked rows.
        foreach (var e in db.ChangeTracker.Entries<TeamMembershipRecord>().Where(e => userIds.Contains(e.Entity.UserId)).ToList())
            e.State = EntityState.Detached;
        var ids = userIds.ToList();
        await db.TeamMemberships.Where(m => ids.Contains(m.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.From, TeamMembershipRecord.Beginning), ct);
    }
}
