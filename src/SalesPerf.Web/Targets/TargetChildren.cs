using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Targets;

/// <summary>A child a target is split to: a team of the company, a rep of a team.</summary>
public sealed record TargetOwner(string Level, string OwnerId, string Name);

/// <summary>Who a target is split to: the company to its teams, a team to its reps (in name order; the last takes the remainder).</summary>
public sealed class TargetChildren(SalesPerfDbContext db)
{
    public async Task<IReadOnlyList<TargetOwner>> OfAsync(string level, string ownerId, CancellationToken ct)
    {
        if (level == TargetLevels.Company)
            return (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
                .Select(t => new TargetOwner(TargetLevels.Team, t.Id.ToString("D"), t.Name)).ToList();
        if (level == TargetLevels.Team && Guid.TryParse(ownerId, out var team))
            return (await db.UsersInRole(Roles.Rep).Where(u => u.TeamId == team).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
                .Select(u => new TargetOwner(TargetLevels.Rep, u.Id, u.DisplayName)).ToList();
        return [];
    }

    /// <summary>The parent of a target's owner: a team's is the company, a rep's their team (null: none).</summary>
    public async Task<TargetOwner?> ParentOfAsync(string level, string ownerId, CancellationToken ct)
    {
        if (level == TargetLevels.Team) return new(TargetLevels.Company, TargetLevels.CompanyOwner, "");
        if (level != TargetLevels.Rep) return null;
        var team = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.TeamId != null)
            .Select(u => db.Teams.Where(t => t.Id == u.TeamId).Select(t => new { t.Id, t.Name }).FirstOrDefault()).FirstOrDefaultAsync(ct);
        return team is null ? null : new(TargetLevels.Team, team.Id.ToString("D"), team.Name);
    }
}
