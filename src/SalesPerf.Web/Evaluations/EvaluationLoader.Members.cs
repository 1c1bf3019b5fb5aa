using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Membership;

namespace SalesPerf.Web.Evaluations;

/// <summary>Who is in a team's evaluation for a period: the membership history, not today's team.</summary>
public sealed partial class EvaluationLoader
{
    /// <summary>
    /// The team with every rep who was a member for at least one day of the period (a rep who left is in, one who joined
    /// after it is not), each with the part of the period they were in it when that is not the whole period.
    /// </summary>
    public async Task<ReportTeam?> TeamAsync(Guid teamId, EvaluationPeriod period, CancellationToken ct = default)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return null;
        var manager = team.ManagerId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == team.ManagerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var rows = await db.TeamMemberships.AsNoTracking().Where(m => m.TeamId == teamId).Overlapping(period).ToListAsync(ct);
        var ids = rows.Select(r => r.UserId).Distinct().ToList();
        var reps = await RepsQuery().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var presence = new Dictionary<string, EvaluationPeriod>();
        foreach (var rep in rows.GroupBy(r => r.UserId))
            if (MembershipQueries.Presence(rep, period) is { } part) presence[rep.Key] = part;
        return new ReportTeam(team.Id, team.Name, team.ManagerId, manager, reps.Select(r => (r.Id, r.DisplayName)).ToList()) { Presence = presence };
    }

    /// <summary>
    /// The team the rep was in for the period (of two, the one with more days in it; on a tie the later), with the rep's
    /// part of the period; a team of one when the rep was in no team then. Null when there is no such rep.
    /// </summary>
    public async Task<ReportTeam?> TeamOfRepAsync(string repId, EvaluationPeriod period, CancellationToken ct = default)
    {
        var rep = await RepsQuery().Where(u => u.Id == repId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (rep is null) return null;
        var rows = await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == repId).Overlapping(period)
            .Where(m => db.Teams.Any(t => t.Id == m.TeamId)).ToListAsync(ct);
        var chosen = rows.GroupBy(r => r.TeamId)
            .OrderByDescending(g => MembershipQueries.DaysIn(g, period)).ThenByDescending(g => g.Max(r => r.From)).FirstOrDefault();
        return chosen is not null && await TeamAsync(chosen.Key, period, ct) is { } team ? team : new ReportTeam(null, "—", null, null, [(rep.Id, rep.DisplayName)]);
    }
}
