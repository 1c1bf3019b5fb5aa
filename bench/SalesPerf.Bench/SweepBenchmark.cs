using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Demo;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Bench;

/// <summary>
/// The reminder sweep over N open stages of which 1,000 are due: finding them (one index range scan) and handling
/// them (queue the mail, record the fired items on each deal). Run for 10,000 and 100,000 open stages to show that
/// the cost follows the due items, not the open stages; a primary-key lookup is the reference of the same run.
/// </summary>
public static class SweepBenchmark
{
    private const int Due = 1000;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(IReadOnlyList<int> openStages)
    {
        Console.WriteLine($"Reminder sweep: {Due:N0} due stages among N open ones");
        Console.WriteLine($"{"open stages",12} {"find due (ms)",14} {"handle due (ms)",16} {"per due deal (µs)",18} {"PK lookup (µs)",15}");
        await RunOnceAsync(Due, print: false); // warm-up: the first sweep in a process also pays for JIT compilation
        foreach (var open in openStages) await RunOnceAsync(open);
    }

    private static async Task RunOnceAsync(int open, bool print = true)
    {
        var folder = Directory.CreateTempSubdirectory("salesperf-sweep-").FullName;
        try
        {
            // Deals start 1,000 a day; the first-visit reminder comes 5 days after the start. "Now" is chosen so
            // that exactly the first 1,000 deals' reminders are due.
            var clock = new FakeTimeProvider(Start);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = folder });
            builder.Configuration["ConnectionStrings:SalesPerf"] = $"Data Source={Path.Combine(folder, "sweep.db")}";
            builder.Configuration["SalesPerf:DataPath"] = folder;
            builder.Configuration["SalesPerf:Mail:WorkerEnabled"] = "false";
            builder.Logging.ClearProviders();
            builder.AddSalesPerf();
            builder.Services.AddSingleton<TimeProvider>(clock);
            await using var app = builder.Build();
            await app.InitializeSalesPerfAsync();
            await SeedAsync(app.Services, open, clock);

            clock.SetUtcNow(Start + TimeSpan.FromDays(5) + TimeSpan.FromDays(1.0 * (Due - 1) / Due) + TimeSpan.FromSeconds(1));
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
            var now = clock.GetUtcNow();

            var find = Stopwatch.StartNew();
            var due = await db.Deals.AsNoTracking().Where(d => d.NextDueAt != null && d.NextDueAt <= now && d.Status == DealStatus.Active)
                .OrderBy(d => d.NextDueAt).Select(d => d.Id).Take(5000).ToListAsync();
            find.Stop();
            if (due.Count != Due) throw new InvalidOperationException($"expected {Due} due deals, found {due.Count}");

            var lookup = Stopwatch.StartNew();
            foreach (var id in due.Take(200)) await db.Deals.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
            lookup.Stop();

            var handle = Stopwatch.StartNew();
            var handled = await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync(batch: 5000);
            handle.Stop();
            if (handled != Due) throw new InvalidOperationException($"expected {Due} handled, got {handled}");

            if (print) Console.WriteLine($"{open,12:N0} {find.Elapsed.TotalMilliseconds,14:N1} {handle.Elapsed.TotalMilliseconds,16:N0} {handle.Elapsed.TotalMicroseconds / Due,18:N0} {lookup.Elapsed.TotalMicroseconds / 200,15:N0}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Real deals (created through the engine, written in bulk), one rep; deal i starts i × 86.4 s after the first.</summary>
    private static async Task SeedAsync(IServiceProvider services, int count, FakeTimeProvider clock)
    {
        using var scope = services.CreateScope();
        var flow = (await scope.ServiceProvider.GetRequiredService<FlowCatalog>().LatestPublishedAsync(DealService.DefaultFlowId))!;
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarProvider>().GetAsync();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SalesPerf.Web.Accounts.AppUser>>();
        var rep = new SalesPerf.Web.Accounts.AppUser { UserName = "rep@bench", Email = "rep@bench", DisplayName = "Bench rep" };
        await users.CreateAsync(rep, "Bench!2026");
        var actor = new Actor(rep.Id, new HashSet<string> { Actor.RepRole }, IsOwner: true, IsOwnersManager: false);
        IEnumerable<IReadOnlyList<DealTransition>> Deals()
        {
            for (var i = 0; i < count; i++)
            {
                var at = Start + TimeSpan.FromDays(1.0 * i / Due);
                var (t, _) = DealTransition.Run(null, new CreateDeal(Guid.CreateVersion7(at), $"Deal {i}", "Customer", "grid", rep.Id, 1m),
                    new DealContext(flow, calendar, at, actor));
                yield return [t!];
            }
        }
        await new DealBulkWriter(db).WriteAsync(Deals(), batchSize: 5000);
        clock.SetUtcNow(Start);
    }
}
