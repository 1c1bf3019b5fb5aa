using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Demo;

/// <summary>
/// The demo company's approved quarter targets (the current quarter and the three before it), company → teams → reps, on the
/// demo deals' scale (deals of 0.5–10 million CNY, a few won per rep and quarter). Deterministic; once, when there are none.
/// </summary>
public sealed class DemoTargets(SalesPerfDbContext db, TimeProvider clock, Flows.CalendarProvider calendars)
{
    /// <summary>Per rep and quarter, before the rep's weight (0.8–1.25).</summary>
    private static readonly (string Metric, decimal PerRep)[] Base =
    [
        (TargetMetrics.ContractValue, 8_000_000m), (TargetMetrics.ContractsWon, 2m), (TargetMetrics.NewCustomers, 2m), (TargetMetrics.FollowUps, 20m),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Targets.AnyAsync(ct)) return;
        var admin = await db.Users.AsNoTracking().Where(u => u.Email == DemoCompany.Admin.Email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (admin is null) return;
        var teams = await db.Teams.AsNoTracking().Where(t => t.ManagerId != null).OrderBy(t => t.Name).ToListAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone).DateTime);
        var quarter = TargetPeriod.Containing(today, TargetPeriodKinds.Quarter);
        var quarters = new[] { quarter.Previous().Previous().Previous(), quarter.Previous().Previous(), quarter.Previous(), quarter };
        foreach (var q in quarters)
        {
            // Agreed on the quarter's second day (or today, for a quarter that started today).
            var decided = Min(Engine.Calendar.ZonedTime.StartOfDay(q.Start.AddDays(1), calendars.Zone).AddHours(10), clock.GetUtcNow());
            foreach (var (metric, perRep) in Base)
            {
                var company = 0m;
                foreach (var team in teams)
                {
                    var reps = await db.UsersInRole(Roles.Rep).Where(u => u.TeamId == team.Id).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(ct);
                    var teamTotal = 0m;
                    for (var i = 0; i < reps.Count; i++)
                    {
                        var weight = 0.8m + 0.15m * ((i + q.Start.Month / 3) % 4);
                        var value = metric == TargetMetrics.ContractValue ? Math.Round(perRep * weight / 100_000m) * 100_000m : Math.Max(1, Math.Round(perRep * weight));
                        Add(TargetLevels.Rep, reps[i], metric, q, value, team.ManagerId!, decided);
                        teamTotal += value;
                    }
                    Add(TargetLevels.Team, team.Id.ToString("D"), metric, q, teamTotal, admin, decided);
                    company += teamTotal;
                }
                Add(TargetLevels.Company, TargetLevels.CompanyOwner, metric, q, company, admin, decided);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private void Add(string level, string owner, string metric, TargetPeriod period, decimal value, string by, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        db.Targets.Add(new TargetRecord
        {
            Id = id, Level = level, OwnerId = owner, Metric = metric, PeriodKind = period.Kind, PeriodStart = period.Start, Value = value,
            Status = TargetStatuses.Approved, Locked = true, ApprovedById = by, ApprovedAt = at, UpdatedAt = at,
        });
        db.TargetChanges.Add(new TargetChangeRecord { Id = Guid.NewGuid(), TargetId = id, Action = TargetActions.Set, ById = by, At = at.AddHours(-1), NewValue = value, EffectiveFrom = period.Start });
        db.TargetChanges.Add(new TargetChangeRecord { Id = Guid.NewGuid(), TargetId = id, Action = TargetActions.Approve, ById = by, At = at, NewValue = value, EffectiveFrom = period.Start, InForce = true });
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
