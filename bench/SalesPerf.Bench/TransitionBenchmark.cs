using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows.Elsa;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Hosting;

namespace SalesPerf.Bench;

/// <summary>
/// Persisted stage transitions per second through the app's own code path (DealService → engine → DealStore,
/// one transaction per transition with its event rows), next to SQLite's raw commit rate measured in the
/// same run with the same pragmas; and the engine alone, in memory.
/// </summary>
public static class TransitionBenchmark
{
    private const int TransitionsPerDeal = 13; // create, then submit + approve for each of six stages

    public static async Task RunAsync(int deals)
    {
        var folder = Directory.CreateTempSubdirectory("salesperf-bench-").FullName;
        try
        {
            Console.WriteLine($"Stage transitions: {deals} deals × {TransitionsPerDeal} transitions (create, then submit + approve ×6), one transaction each");
            Console.WriteLine($"{"mode",-28} {"app transitions/s",18} {"raw SQLite commits/s",21} {"ratio",7}");
            foreach (var sync in new[] { SqliteSynchronous.Normal, SqliteSynchronous.Full })
            {
                var raw = RawSqlite.CommitsPerSecond(folder, sync.ToString().ToUpperInvariant());
                var app = await PersistedAsync(folder, sync, deals);
                Console.WriteLine($"{"SQLite WAL synchronous=" + sync.ToString().ToUpperInvariant(),-28} {app,18:N0} {raw,21:N0} {app / raw,7:P0}");
            }
            var memory = InMemory(deals * 20);
            Console.WriteLine($"{"engine in memory",-28} {memory,18:N0}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> PersistedAsync(string folder, SqliteSynchronous sync, int deals)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration["ConnectionStrings:SalesPerf"] = $"Data Source={Path.Combine(folder, $"app-{sync}.db")}";
        builder.Configuration["SalesPerf:SqliteSynchronous"] = sync.ToString();
        builder.Configuration["SalesPerf:DataPath"] = folder;
        builder.Logging.ClearProviders();
        builder.AddSalesPerf();
        await using var app = builder.Build();
        await app.InitializeSalesPerfAsync();

        var (rep, manager) = await CreateTeamAsync(app.Services);
        var flow = await app.Services.GetRequiredService<FlowCatalog>().LatestPublishedAsync(DealService.DefaultFlowId);

        // Warm-up outside the measurement (JIT, connection pool, caches).
        await PlayDealAsync(app.Services, rep, manager, flow!);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < deals; i++) await PlayDealAsync(app.Services, rep, manager, flow!);
        return deals * TransitionsPerDeal / watch.Elapsed.TotalSeconds;
    }

    private static async Task PlayDealAsync(IServiceProvider services, AccessScope rep, AccessScope manager, SalesPerf.Engine.Flows.StageFlow flow)
    {
        using var scope = services.CreateScope();
        var deals = scope.ServiceProvider.GetRequiredService<DealService>();
        var created = await deals.CreateAsync(new CreateDealRequest("Bench deal", "Bench customer", "grid", null, 1_000_000m, null), rep);
        var id = created.State!.Id;
        foreach (var stage in flow.Stages)
        {
            var submitted = await deals.ExecuteAsync(id, new SubmitDeliverable(stage.Key, BenchDeals.For(stage)), rep);
            var approved = await deals.ExecuteAsync(id, new ApproveSubmission(submitted.State!.Current!.Pending!.SubmissionNo, null), manager);
            if (approved.Error is not null) throw new InvalidOperationException(approved.Error.ToString());
        }
    }

    private static async Task<(AccessScope Rep, AccessScope Manager)> CreateTeamAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerf.Web.Persistence.SalesPerfDbContext>();
        var team = new Team { Id = Guid.NewGuid(), Name = "Bench" };
        db.Teams.Add(team);
        var manager = new AppUser { UserName = "m@bench", Email = "m@bench", TeamId = team.Id };
        var rep = new AppUser { UserName = "r@bench", Email = "r@bench", TeamId = team.Id };
        await users.CreateAsync(manager, "Bench!2026");
        await users.CreateAsync(rep, "Bench!2026");
        team.ManagerId = manager.Id;
        await db.SaveChangesAsync();
        return (await AccessScope.ForUserAsync(rep.Id, new HashSet<string> { Roles.Rep }, db),
                await AccessScope.ForUserAsync(manager.Id, new HashSet<string> { Roles.Manager }, db));
    }

    private static double InMemory(int deals)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "default-sales-flow.json"));
        var flow = FlowCompiler.Compile(json).FlowOrThrow();
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var rep = new Actor("rep", new HashSet<string> { "rep" }, true, false);
        var manager = new Actor("manager", new HashSet<string> { "manager" }, false, true);
        var deliverables = flow.Stages.ToDictionary(s => s.Key, BenchDeals.For);
        var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var transitions = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < deals; i++)
        {
            var (t, _) = DealTransition.Run(null, new CreateDeal(Guid.NewGuid(), "Deal", "Customer", "grid", "rep", 1m), new DealContext(flow, calendar, now, rep));
            var state = t!.After;
            transitions++;
            foreach (var stage in flow.Stages)
            {
                state = DealTransition.Run(state, new SubmitDeliverable(stage.Key, deliverables[stage.Key]), new DealContext(flow, calendar, now, rep)).Transition!.After;
                state = DealTransition.Run(state, new ApproveSubmission(state.Current!.Pending!.SubmissionNo, null), new DealContext(flow, calendar, now, manager)).Transition!.After;
                transitions += 2;
            }
        }
        return transitions / watch.Elapsed.TotalSeconds;
    }
}
