using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Demo;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Bench;

/// <summary>
/// The shared fixture of the app-level benchmarks: the real app on a SQLite file in a folder, and a generated company
/// (an admin, teams with a manager and reps each, deals played through the engine by the demo generator).
/// </summary>
public static class BenchCompany
{
    public const string Password = "Bench!2026pw";

    /// <summary>The app as it runs, on <c>{folder}/{name}.db</c>, without demo data or the mail worker.</summary>
    public static WebApplicationBuilder Builder(string folder, string name, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Benchmark", ContentRootPath = folder,
            ApplicationName = typeof(AppPipeline).Assembly.GetName().Name, // the Razor pages live in SalesPerf.Web
        });
        builder.Configuration["ConnectionStrings:SalesPerf"] = $"Data Source={Path.Combine(folder, name + ".db")}";
        builder.Configuration["SalesPerf:DataPath"] = folder;
        builder.Configuration["SalesPerf:SeedDemoData"] = "false";
        builder.Configuration["SalesPerf:Mail:WorkerEnabled"] = "false";
        builder.Logging.ClearProviders();
        builder.AddSalesPerf();
        if (clock is not null) builder.Services.AddSingleton(clock);
        return builder;
    }

    /// <summary>
    /// An admin (admin@bench.local), <paramref name="teams"/> teams ("Team 01", …) with a manager (manager01@…) and
    /// <paramref name="repsPerTeam"/> reps (rep011@…) each, members since <c>TeamMembershipRecord.Beginning</c>, and
    /// <paramref name="deals"/> generated deals started over <paramref name="spread"/> before <paramref name="now"/>.
    /// </summary>
    /// <param name="maxFollowUpsPerStage">The generator's follow-up visits per stage (0 … this; the demo's 2 by default).</param>
    /// <returns>The reps' and the managers' e-mail addresses, team by team.</returns>
    public static async Task<(List<string> Reps, List<string> Managers)> SeedAsync(IServiceProvider services, int teams, int repsPerTeam, int deals,
        TimeSpan spread, DateTimeOffset now, int maxFollowUpsPerStage = 2)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SalesPerfDbContext>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password); // one hash for all: creating many users stays fast

        async Task<AppUser> User(string email, string role, Guid? team)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], TeamId = team, PasswordHash = hash, Culture = "en" };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            return user;
        }

        await User("admin@bench.local", Roles.Admin, null);
        var demoReps = new List<DemoRep>();
        var repEmails = new List<string>();
        var managerEmails = new List<string>();
        for (var t = 0; t < teams; t++)
        {
            var team = new Team { Id = Guid.NewGuid(), Name = $"Team {t + 1:00}" };
            db.Teams.Add(team);
            var manager = await User($"manager{t + 1:00}@bench.local", Roles.Manager, team.Id);
            team.ManagerId = manager.Id;
            await db.SaveChangesAsync();
            managerEmails.Add(manager.Email!);
            for (var r = 0; r < repsPerTeam; r++)
            {
                var rep = await User($"rep{t + 1:00}{r + 1}@bench.local", Roles.Rep, team.Id);
                demoReps.Add(new DemoRep(rep.Id, manager.Id));
                repEmails.Add(rep.Email!);
            }
        }
        // The people were in their teams before the generated deals, as in the demo company.
        await SalesPerf.Web.Membership.MembershipBackdating.FromBeginningAsync(db, await db.Users.Select(u => u.Id).ToListAsync());

        var flows = new List<SalesPerf.Engine.Flows.StageFlow>();
        foreach (var id in new[] { DealService.DefaultFlowId, "power-service-flow" })
            if (await sp.GetRequiredService<FlowCatalog>().LatestPublishedAsync(id) is { } flow) flows.Add(flow);
        var calendar = await sp.GetRequiredService<CalendarProvider>().GetAsync();
        var generator = new DemoDealGenerator(flows, calendar, demoReps, now) { MaxFollowUpsPerStage = maxFollowUpsPerStage };
        await new DealBulkWriter(db).WriteAsync(generator.Generate(deals, spread), batchSize: 1000);
        return (repEmails, managerEmails);
    }
}
