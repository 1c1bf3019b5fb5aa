using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Administration;

public sealed record TeamRow(Guid Id, string Name, string? ManagerId, string? ManagerName, int Members);

/// <summary>
/// Teams: create, rename, set the manager (who approves the team's stages and sees its deals from the next request on),
/// and delete an empty team, or move its members to another team and delete it in one step.
/// </summary>
public sealed class TeamAdmin(SalesPerfDbContext db, Loc l)
{
    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken ct = default) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.Name, t.ManagerId,
                db.Users.Where(u => u.Id == t.ManagerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Count(u => u.TeamId == t.Id)))
            .ToListAsync(ct);

    /// <summary>People in the manager role (candidates for a team's manager).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> ManagersAsync(CancellationToken ct = default) =>
        (await db.UsersInRole(Roles.Manager).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        .Select(u => (u.Id, u.DisplayName)).ToList();

    public async Task<string?> CreateAsync(string? name, string? managerId, CancellationToken ct = default)
    {
        if (await CheckNameAsync(name, null, ct) is { } error) return error;
        if (await CheckManagerAsync(managerId, ct) is { } bad) return bad;
        db.Teams.Add(new Team { Id = Guid.NewGuid(), Name = name!.Trim(), ManagerId = Empty(managerId) });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> UpdateAsync(Guid id, string? name, string? managerId, CancellationToken ct = default)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return l["That team no longer exists."];
        if (await CheckNameAsync(name, id, ct) is { } error) return error;
        if (await CheckManagerAsync(managerId, ct) is { } bad) return bad;
        team.Name = name!.Trim();
        team.ManagerId = Empty(managerId);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Deletes a team; one that still has members needs a team to move them to (all in one transaction).</summary>
    public async Task<string?> DeleteAsync(Guid id, Guid? moveTo, CancellationToken ct = default)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return l["That team no longer exists."];
        var members = await db.Users.Where(u => u.TeamId == id).ToListAsync(ct);
        if (members.Count > 0)
        {
            if (moveTo is not { } target || target == id)
                return l["Team {0} still has {1} member(s): choose a team to move them to.", team.Name, members.Count];
            if (!await db.Teams.AnyAsync(t => t.Id == target, ct)) return l["That team no longer exists."];
            foreach (var m in members) m.TeamId = target;
        }
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct); // one SaveChanges: members move and the team goes together
        return null;
    }

    private async Task<string?> CheckNameAsync(string? name, Guid? self, CancellationToken ct)
    {
        var n = name?.Trim() ?? "";
        if (n.Length == 0) return l["Enter the team's name."];
        if (n.Length > 100) return l["A name may be at most 100 characters."];
        if (await db.Teams.AnyAsync(t => t.Name == n && t.Id != self, ct)) return l["There is already a team called {0}.", n];
        return null;
    }

    private async Task<string?> CheckManagerAsync(string? managerId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(managerId)) return null;
        return await db.UsersInRole(Roles.Manager).AnyAsync(u => u.Id == managerId, ct) ? null : l["The manager must be a user with the manager role."];
    }

    private static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
