using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>Who gets a mail: a user by id, a rep's managers, a stage's approvers.</summary>
public sealed class Recipients(SalesPerfDbContext db, UserManager<AppUser> users)
{
    public Task<AppUser?> UserAsync(string id, CancellationToken ct = default) => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);

    public async Task<IReadOnlyList<AppUser>> ManagersOfAsync(string repId, CancellationToken ct = default)
    {
        var teamId = await db.Users.Where(u => u.Id == repId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
        var managerIds = await db.Teams.Where(t => t.Id == teamId && t.ManagerId != null).Select(t => t.ManagerId!).ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => managerIds.Contains(u.Id) && u.Id != repId).ToListAsync(ct);
    }

    /// <summary>The people who may decide a stage's submission and can see the deal: its rep's managers, or role holders among them and the admins.</summary>
    public async Task<IReadOnlyList<AppUser>> ApproversAsync(string repId, ApprovalRule rule, CancellationToken ct = default)
    {
        var managers = await ManagersOfAsync(repId, ct);
        if (rule.Kind != ApproverKind.Role) return managers;
        var holders = await users.GetUsersInRoleAsync(rule.Role!);
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return holders.Where(h => managers.Any(m => m.Id == h.Id) || admins.Any(a => a.Id == h.Id)).Where(h => h.Id != repId).ToList();
    }

    public async Task<IReadOnlySet<string>> RolesOfAsync(string userId) =>
        await UserAsync(userId) is { } user ? (await users.GetRolesAsync(user)).ToHashSet() : new HashSet<string>();
}
