using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Membership;

/// <summary>
/// Keeps the team-membership history in step with <see cref="AppUser.TeamId"/> on every SaveChanges, whatever path set it
/// (admin pages, team deletion, Identity's user manager, demo seeding, tests): a new user with a team opens a row from
/// today; a change of team closes the open row at today and opens one for the new team, in the same SaveChanges.
/// "Today" is the company's local date from <see cref="TimeProvider"/>.
/// </summary>
public sealed class MembershipRecorder(TimeProvider clock, Flows.CalendarProvider calendars) : SaveChangesInterceptor
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone).DateTime);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SalesPerfDbContext db) await RecordAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SalesPerfDbContext db) RecordAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task RecordAsync(SalesPerfDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        // Identity's UpdateAsync marks every property modified, so the stored history (not the original value) decides.
        var users = db.ChangeTracker.Entries<AppUser>()
            .Where(e => e.State == EntityState.Added ? e.Entity.TeamId is not null : e.State == EntityState.Modified && e.Property(u => u.TeamId).IsModified)
            .Select(e => (e.Entity.Id, e.Entity.TeamId, Added: e.State == EntityState.Added)).ToList();
        if (users.Count == 0) return;
        var today = Today;
        foreach (var (userId, teamId, added) in users)
        {
            var open = added ? null : await db.Set<TeamMembershipRecord>().SingleOrDefaultAsync(m => m.UserId == userId && m.To == null, ct);
            if (open?.TeamId == teamId) continue;
            if (open is not null && open.From >= today)
            {
                // The open row started today: today's change replaces it (a day is the smallest unit of membership).
                var before = await db.Set<TeamMembershipRecord>().SingleOrDefaultAsync(m => m.UserId == userId && m.To == open.From, ct);
                if (teamId is null || before?.TeamId == teamId)
                {
                    db.Remove(open);
                    if (before is not null && teamId is not null) before.To = null; // moved back the same day: the old row goes on
                }
                else open.TeamId = teamId.Value;
                continue;
            }
            if (open is not null) open.To = today;
            if (teamId is { } team) db.Add(new TeamMembershipRecord { UserId = userId, TeamId = team, From = today });
        }
    }
}
