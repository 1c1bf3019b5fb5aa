using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Membership;

/// <summary>One line of a person's team history: [From, To) local dates (To: the day they left), To null while still in the team; TeamName null when the team was deleted.</summary>
public sealed record MembershipRow(Guid TeamId, string? TeamName, DateOnly From, DateOnly? To)
{
    public bool FromBeginning => From <= TeamMembershipRecord.Beginning;
}

public static class MembershipHistory
{
    /// <summary>The person's teams, latest first.</summary>
    public static async Task<IReadOnlyList<MembershipRow>> HistoryAsync(this SalesPerfDbContext db, string userId, CancellationToken ct = default) =>
        (await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.TeamId, Name = db.Teams.Where(t => t.Id == m.TeamId).Select(t => t.Name).FirstOrDefault(), m.From, m.To })
            .ToListAsync(ct))
        .OrderByDescending(m => m.From).Select(m => new MembershipRow(m.TeamId, m.Name, m.From, m.To)).ToList();
}
