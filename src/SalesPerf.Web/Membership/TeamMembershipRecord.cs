namespace SalesPerf.Web.Membership;

/// <summary>
/// A stretch of time a user was in a team: [From, To) in local dates of the company's time zone; To null = still in it.
/// A user has at most one open row, and the rows of one user do not overlap. <see cref="Accounts.AppUser.TeamId"/> stays
/// the current team for everything else; this history decides which team a period's work counts for and which
/// manager may read the reports of that period. Written only by <see cref="MembershipRecorder"/>.
/// </summary>
public sealed class TeamMembershipRecord
{
    /// <summary>Where memberships start that existed before the history was kept (the migration's backfill, demo data).</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    public string UserId { get; set; } = "";
    public DateOnly From { get; set; }
    public Guid TeamId { get; set; }
    public DateOnly? To { get; set; }
}
