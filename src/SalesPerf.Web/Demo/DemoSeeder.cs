using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Demo;

/// <summary>Creates the demo company and ~150 deals spread over nine months, once, on an empty database.</summary>
public sealed class DemoSeeder(
    SalesPerfDbContext db, UserManager<AppUser> users, FlowCatalog flows, CalendarProvider calendars,
    TimeProvider clock, IOptions<SalesPerfOptions> options, ILogger<DemoSeeder> log)
{
    public const int DemoDealCount = 150;

    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return;
        // One transaction: a start interrupted half-way leaves an empty database that seeds again next time.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reps = await CreateCompanyAsync(ct);
        var flowList = new List<StageFlow>();
        foreach (var id in new[] { DealService.DefaultFlowId, "power-service-flow" })
            if (await flows.LatestPublishedAsync(id, ct) is { } flow) flowList.Add(flow);

        var generator = new DemoDealGenerator(flowList, await calendars.GetAsync(ct), reps, clock.GetUtcNow());
        var written = await new DealBulkWriter(db).WriteAsync(generator.Generate(DemoDealCount, TimeSpan.FromDays(270)), ct: ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo data: {Reps} reps in {Teams} teams, {Deals} deals. Sign in as {Admin} / {Password}",
            reps.Count, DemoCompany.Teams.Count, written, DemoCompany.Admin.Email, options.Value.DemoPassword);
    }

    private async Task<List<DemoRep>> CreateCompanyAsync(CancellationToken ct)
    {
        await CreateUserAsync(DemoCompany.Admin, null, Roles.Admin);
        var reps = new List<DemoRep>();
        foreach (var team in DemoCompany.Teams)
        {
            var entity = new Team { Id = Guid.NewGuid(), Name = team.Name };
            db.Teams.Add(entity);
            await db.SaveChangesAsync(ct);
            var manager = await CreateUserAsync(team.Manager, entity.Id, Roles.Manager);
            entity.ManagerId = manager.Id;
            await db.SaveChangesAsync(ct);
            foreach (var rep in team.Reps)
                reps.Add(new DemoRep((await CreateUserAsync(rep, entity.Id, Roles.Rep)).Id, manager.Id));
        }
        // The demo company's people were in their teams before the nine months of deals.
        await Membership.MembershipBackdating.FromBeginningAsync(db, await db.Users.Select(u => u.Id).ToListAsync(ct), ct);
        return reps;
    }

    private async Task<AppUser> CreateUserAsync(DemoPerson person, Guid? teamId, string role)
    {
        var user = new AppUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, TeamId = teamId, Culture = person.Culture };
        var created = await users.CreateAsync(user, options.Value.DemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException($"Cannot create demo user {person.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
