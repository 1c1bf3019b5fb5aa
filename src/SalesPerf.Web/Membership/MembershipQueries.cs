using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Membership;

/// <summary>The membership history as the reports and their access rules read it (periods are [Start, End) local dates).</summary>
public static class MembershipQueries
{
    /// <summary>Rows that cover at least one day of the period.</summary>
    public static IQueryable<TeamMembershipRecord> Overlapping(this IQueryable<TeamMembershipRecord> rows, EvaluationPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        return rows.Where(m => m.From < end && (m.To == null || m.To > start));
    }

    /// <summary>
    /// True when the rep was, for at least one day of the period, in a team the manager manages (the team's manager today:
    /// the history of managers is not kept). Evaluated in the database.
    /// </summary>
    public static Task<bool> ManagedDuringAsync(this SalesPerfDbContext db, string managerId, string repId, EvaluationPeriod period, CancellationToken ct = default) =>
        db.TeamMemberships.Where(m => m.UserId == repId).Overlapping(period)
            .AnyAsync(m => db.Teams.Any(t => t.Id == m.TeamId && t.ManagerId == managerId), ct);

    /// <summary>Users who were ever in a team the manager manages today.</summary>
    public static IQueryable<string> EverManagedBy(this SalesPerfDbContext db, string managerId) =>
        db.TeamMemberships.Where(m => db.Teams.Any(t => t.Id == m.TeamId && t.ManagerId == managerId)).Select(m => m.UserId);

    /// <summary>The part of the period covered by the rows (first day to last), or null when that is the whole period.</summary>
    public static EvaluationPeriod? Presence(IEnumerable<TeamMembershipRecord> rows, EvaluationPeriod period)
    {
        var list = rows.ToList();
        if (list.Count == 0) return null;
        var from = list.Min(r => r.From) is var f && f > period.Start ? f : period.Start;
        var to = list.Any(r => r.To is null) ? period.End : list.Max(r => r.To!.Value) is var t && t < period.End ? t : period.End;
        return from == period.Start && to == period.End ? null : new EvaluationPeriod(from, to);
    }

    /// <summary>Days of the period the rows cover.</summary>
    public static int DaysIn(IEnumerable<TeamMembershipRecord> rows, EvaluationPeriod period) =>
        rows.Sum(r =>
        {
            var from = r.From > period.Start ? r.From : period.Start;
            var to = r.To is { } t && t < period.End ? t : period.End;
            return Math.Max(0, to.DayNumber - from.DayNumber);
        });
}
