using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Bench;

/// <summary>
/// Issue "One fair, explainable score": evaluating and closing a quarter for 500 reps in 50 teams over 100,000 generated
/// deals (~1.5 million events) in under 5 s, next to reading the same events in one query in the same run. The clock is
/// fixed just after the quarter (the generated deals end there), so the data are the same in every run. After one
/// warm-up of each, measures: every team's evaluation through <see cref="EvaluationLoader"/> (one language), the real
/// <see cref="PeriodCloser"/> (both languages, snapshots stored; the warm-up's version is reopened first), and the
/// reference: all event rows of the deals the quarter's evaluation loads in one streamed query, without and with
/// deserializing them.
/// </summary>
public static class CloseBenchmark
{
    private const int Teams = 50, RepsPerTeam = 10;
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero); // 14:00 on 1 October in Shanghai
    private static readonly EvaluationPeriod Quarter = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1));

    /// <param name="followUps">At most this many follow-up visits per stage (the demo has 2): tunes the events per deal.</param>
    /// <param name="keep">A folder to keep the seeded database in and reuse on the next run (same deals and days); null: a temporary one.</param>
    public static async Task RunAsync(int deals, int days, int followUps, string? keep)
    {
        var folder = keep ?? Directory.CreateTempSubdirectory("salesperf-close-").FullName;
        Directory.CreateDirectory(folder);
        var name = $"close-{deals}-{days}-{followUps}";
        var seeded = File.Exists(Path.Combine(folder, name + ".db"));
        try
        {
            var builder = BenchCompany.Builder(folder, name, new FakeTimeProvider(Now));
            await using var app = builder.Build();
            await app.InitializeSalesPerfAsync();
            var seed = Stopwatch.StartNew();
            if (!seeded) await BenchCompany.SeedAsync(app.Services, Teams, RepsPerTeam, deals, TimeSpan.FromDays(days), Now, followUps);
            var (dealCount, eventCount) = await CountAsync(app.Services);
            Console.WriteLine(seeded
                ? $"Reused {dealCount:N0} deals with {eventCount:N0} events of {Teams * RepsPerTeam} reps in {Teams} teams ({folder})"
                : $"Seeded {dealCount:N0} deals with {eventCount:N0} events of {Teams * RepsPerTeam} reps in {Teams} teams over {days} days (0–{followUps} follow-ups per stage) in {seed.Elapsed.TotalSeconds:N0} s");
            Console.WriteLine($"Quarter {Quarter.Start:yyyy-MM-dd} – {Quarter.End:yyyy-MM-dd}, clock {Now:yyyy-MM-dd HH:mm} UTC (Release: {IsRelease()})");
            await ReopenIfClosedAsync(app.Services);

            var results = new List<(string What, double Seconds, string Detail)>();
            for (var round = 0; round < 2; round++)
            {
                var measured = round == 1;
                void Add(string what, TimeSpan t, string detail) { if (measured) results.Add((what, t.TotalSeconds, detail)); }
                var (rows, raw) = await ReadEventsAsync(app.Services, deserialize: false);
                Add("reference: read the quarter's events in one query", raw, $"{rows:N0} rows");
                var (_, read) = await ReadEventsAsync(app.Services, deserialize: true);
                Add("reference: read + deserialize them", read, $"{rows:N0} events");
                var (_, slim) = await ReadEventsAsync(app.Services, deserialize: true, slim: true);
                Add("reference: read + deserialize as the evaluation does", slim, "submissions without deliverable");
                var (teams, evaluate) = await EvaluateAllAsync(app.Services);
                Add("evaluate every team for the quarter (en)", evaluate, $"{teams} teams");
                var (snapshots, close) = await CloseAsync(app.Services);
                Add("close the quarter (zh-CN + en, stored)", close, $"{snapshots} snapshots");
                await ReopenIfClosedAsync(app.Services); // the next round (or run) closes again: a new version
                GC.Collect();
            }

            var reference = results[0].Seconds;
            Console.WriteLine($"{"what",-52} {"seconds",8} {"× raw read",10}  detail");
            foreach (var (what, seconds, detail) in results)
                Console.WriteLine($"{what,-52} {seconds,8:N2} {seconds / reference,10:N1}  {detail}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null) try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Deals, int Events)> CountAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        return (await db.Deals.CountAsync(), await db.DealEvents.CountAsync());
    }

    /// <summary>Every team's evaluation as the reports compute it: the team with its members in the period, then its evaluation.</summary>
    private static async Task<(int Teams, TimeSpan Time)> EvaluateAllAsync(IServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var loader = scope.ServiceProvider.GetRequiredService<EvaluationLoader>();
        var count = 0;
        foreach (var id in await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Id).ToListAsync())
            if (await loader.TeamAsync(id, Quarter) is { } team)
            {
                var evaluation = await loader.EvaluateAsync(team, Quarter, "en");
                if (evaluation.Reps.Count == 0) throw new InvalidOperationException($"{team.Name}: no reps evaluated");
                count++;
            }
        return (count, watch.Elapsed);
    }

    private static async Task<(int Snapshots, TimeSpan Time)> CloseAsync(IServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<PeriodCloser>().CloseAsync(Quarter, ClosingActor.Schedule);
        watch.Stop();
        if (result.Status != ClosingStatus.Closed) throw new InvalidOperationException($"closing: {result.Status}");
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var snapshots = await db.ClosedPeriodSnapshots.CountAsync(s => db.ClosedPeriods.Any(p => p.Id == s.ClosedPeriodId && p.Version == result.Version
            && p.Start == Quarter.Start && p.End == Quarter.End));
        return (snapshots, watch.Elapsed);
    }

    private static async Task ReopenIfClosedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<PeriodCloser>().ReopenAsync(Quarter, ClosingActor.Schedule, "benchmark: close again");
        if (result.Status is not (ClosingStatus.Reopened or ClosingStatus.NotClosed)) throw new InvalidOperationException($"reopening: {result.Status}");
    }

    /// <summary>
    /// The reference: one query streaming the Data of every event of the deals the quarter's evaluation loads (the reps'
    /// deals created before its end and not closed before its start), on the app's own connection.
    /// </summary>
    /// <param name="slim">Deserialize as the evaluation does (<see cref="EvaluationEvents"/>: submissions without their deliverable).</param>
    private static async Task<(int Rows, TimeSpan Time)> ReadEventsAsync(IServiceProvider services, bool deserialize, bool slim = false)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var loader = scope.ServiceProvider.GetRequiredService<EvaluationLoader>();
        var zone = (await scope.ServiceProvider.GetRequiredService<SalesPerf.Web.Flows.CalendarProvider>().GetAsync()).Zone;
        var repIds = await loader.RepsQuery().Select(u => u.Id).ToListAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT e."Data", e."Type" FROM "DealEvents" e WHERE e."DealId" IN (
                  SELECT d."Id" FROM "Deals" d WHERE d."CreatedAt" < $to AND (d."ClosedAt" IS NULL OR d."ClosedAt" >= $from)
                    AND d."RepId" IN ({string.Join(", ", repIds.Select((_, i) => $"$r{i}"))}))
                """;
            command.Parameters.AddWithValue("$from", SalesPerf.Engine.Calendar.ZonedTime.StartOfDay(Quarter.Start, zone).UtcTicks);
            command.Parameters.AddWithValue("$to", SalesPerf.Engine.Calendar.ZonedTime.StartOfDay(Quarter.End, zone).UtcTicks);
            for (var i = 0; i < repIds.Count; i++) command.Parameters.AddWithValue($"$r{i}", repIds[i]);
            var watch = Stopwatch.StartNew();
            var rows = 0;
            long chars = 0;
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                {
                    var data = reader.GetString(0);
                    if (deserialize) _ = slim ? EvaluationEvents.Deserialize(reader.GetString(1), data) : DealEventSerializer.Deserialize(data);
                    else chars += data.Length;
                    rows++;
                }
            return (rows, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool IsRelease() =>
#if DEBUG
        false;
#else
        true;
#endif
}
