using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Evaluations;

public enum ReportDecision { Allowed, NotFound, Forbidden }

/// <summary>
/// Who reads which evaluation: a rep their own, a manager the reports of reps for the periods they were in the manager's
/// team and that team's pack, HR and admins all.
/// A rep the caller may not see answers "not found" (as deals do); a team that is not the caller's answers "forbidden".
/// </summary>
public static class ReportAccess
{
    public static bool ReadsAll(AccessScope scope) => scope.IsAdmin || scope.Roles.Contains(Roles.Hr);

    public static bool ReadsTeams(AccessScope scope) => ReadsAll(scope) || scope.IsManager;

    /// <param name="managedThen">The rep was in a team the caller manages for at least one day of the report's period
    /// (<see cref="Membership.MembershipQueries.ManagedDuringAsync"/>); today's team does not decide.</param>
    public static ReportDecision ForRep(AccessScope scope, string repId, bool managedThen) =>
        ReadsAll(scope) || repId == scope.UserId || managedThen ? ReportDecision.Allowed : ReportDecision.NotFound;

    public static ReportDecision ForTeam(AccessScope scope, ReportTeam team) =>
        ReadsAll(scope) || (team.ManagerId is not null && team.ManagerId == scope.UserId) ? ReportDecision.Allowed : ReportDecision.Forbidden;

    /// <summary>HR and admins close and reopen periods and read older closed versions.</summary>
    public static bool MayClose(AccessScope scope) => ReadsAll(scope);

    /// <summary>Managers enter ratings, trainings and comments for their reps; admins for anyone. HR reads only.</summary>
    public static bool MayRate(AccessScope scope, string repId) => scope.IsAdmin || scope.ManagedRepIds.Contains(repId);
}
