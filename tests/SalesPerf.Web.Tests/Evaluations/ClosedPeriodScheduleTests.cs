using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>
/// The schedule closes a month N days after it ended (company time zone), exactly once: two app nodes on one database
/// and a restart do not close it twice, and a month HR reopened is not closed again behind HR's back.
/// </summary>
public abstract class ClosedPeriodScheduleTests(Func<TestDatabase> createDatabase) : IAsyncLifetime
{
    // 1 April 2026 00:00 in Shanghai: March has just ended.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private readonly List<TestApp> _apps = [];

    public Task InitializeAsync()
    {
        _database = createDatabase();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        _database.Dispose();
    }

    private async Task<TestApp> NodeAsync(int afterDays = 5, bool worker = false)
    {
        var app = new TestApp(_database, _clock);
        app.Settings["SalesPerf:Closing:AutoCloseAfterDays"] = afterDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (worker) app.Settings["SalesPerf:Mail:WorkerEnabled"] = "true";
        _apps.Add(app);
        return await app.StartAsync();
    }

    private static async Task<int> CloseDueAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AutoCloser>().CloseDueAsync();
    }

    private async Task<List<(DateOnly Start, int Version, string By)>> ClosedAsync()
    {
        using var scope = _apps[0].Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        return (await db.ClosedPeriods.ToListAsync()).Select(r => (r.Start, r.Version, r.ClosedById)).OrderBy(r => r.Start).ToList();
    }

    [Fact]
    public async Task March_closes_on_the_fifth_day_after_it_ended_once_across_two_nodes_and_a_restart()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        _clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1)); // 5 April 23:59
        Assert.Equal(0, await CloseDueAsync(a));
        Assert.Empty(await ClosedAsync());

        _clock.Advance(TimeSpan.FromMinutes(1)); // 6 April 00:00: five days after March ended
        var closed = await Task.WhenAll(CloseDueAsync(a), CloseDueAsync(b), CloseDueAsync(a), CloseDueAsync(b));
        Assert.Equal(1, closed.Sum());
        Assert.Equal([(new DateOnly(2026, 3, 1), 1, "system")], await ClosedAsync());

        // A restarted node, a day later: nothing more to close.
        await b.DisposeAsync();
        _apps.Remove(b);
        var c = await NodeAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await CloseDueAsync(c));
        Assert.Single(await ClosedAsync());
        // The schedule's version reads as closed by the schedule.
        var hr = await c.SignInAsync("admin");
        hr.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var html = System.Net.WebUtility.HtmlDecode(await hr.HtmlAsync("/Reports?kind=month&month=2026-03"));
        Assert.Contains("Closed · version 1 · closed on 2026-04-06 00:00 by the schedule", html);
    }

    [Fact]
    public async Task A_month_reopened_by_hr_waits_for_hr_and_the_delay_is_configurable()
    {
        var a = await NodeAsync(afterDays: 2);
        _clock.Advance(TimeSpan.FromDays(2)); // 3 April 00:00
        Assert.Equal(1, await CloseDueAsync(a));
        var admin = await a.SignInAsync("admin");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.ReopenAsync("Ratings entered late")).Status);
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await CloseDueAsync(a));
        Assert.Equal([(new DateOnly(2026, 3, 1), 1, "system")], await ClosedAsync());
    }

    [Fact]
    public async Task The_background_worker_closes_the_month_when_the_clock_passes_the_day()
    {
        var node = await NodeAsync(worker: true);
        var other = await NodeAsync(worker: true);
        _clock.Advance(TimeSpan.FromDays(5)); // fires the workers' waits on the fake clock
        var worker = node.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ClosingWorker>().Single();
        // Wait for worker rounds (a round that began before the advance may finish first) until one has closed March.
        for (var rounds = 0; rounds < 5; rounds++)
        {
            var round = worker.NextRoundAsync();
            if ((await ClosedAsync()).Count > 0) break;
            await round.WaitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.Equal([(new DateOnly(2026, 3, 1), 1, "system")], await ClosedAsync());
        _clock.Advance(TimeSpan.FromSeconds(30)); // both workers run again
        Assert.Equal(0, await CloseDueAsync(node) + await CloseDueAsync(other));
        Assert.Single(await ClosedAsync());
    }
}

public sealed class SqliteClosedPeriodScheduleTests() : ClosedPeriodScheduleTests(TestDatabase.Sqlite);
public sealed class PostgresClosedPeriodScheduleTests() : ClosedPeriodScheduleTests(TestDatabase.Postgres);
