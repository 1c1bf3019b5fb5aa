using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>The monthly team pack mailed to each manager: once per manager and month, across sweeps and restarts; run once on SQLite and once on PostgreSQL.</summary>
public abstract class MonthlyPackTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await new TestApp(database()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private static async Task<int> SweepAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyPack>().QueueDueAsync();
    }

    private async Task<List<OutboxMessageRecord>> PacksAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>().Set<OutboxMessageRecord>().AsNoTracking().Where(m => m.Kind == "monthly-pack").ToListAsync();
    }

    [Fact]
    public async Task Each_manager_gets_last_months_pack_once_even_when_the_sweep_runs_twice_and_after_a_restart()
    {
        await _app.RenameAsync("rA", ChineseName);
        await SeedMarchAsync(_app, await _app.SignInAsync("rA"), await _app.SignInAsync("mN"));
        // 1 April 07:59 in Shanghai: not yet.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await SweepAsync(_app));
        _app.Clock.Advance(TimeSpan.FromMinutes(1)); // 08:00
        Assert.Equal(2, await SweepAsync(_app));      // mN and mS
        Assert.Equal(0, await SweepAsync(_app));
        await _app.DisposeAsync();
        _app = await new TestApp(_app.Database, _app.Clock).StartAsync();
        _app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await SweepAsync(_app));

        var packs = await PacksAsync();
        Assert.Equal(2, packs.Count);
        Assert.Equal(new[] { "monthly-pack:" + _app.UserIds["mN"] + ":2026-03", "monthly-pack:" + _app.UserIds["mS"] + ":2026-03" }.Order(),
            packs.Select(p => p.DedupKey).Order());
        var north = packs.Single(p => p.RecipientId == _app.UserIds["mN"]);
        Assert.Equal("[SalesPerf] Monthly review pack (2026-03)", north.Subject);
        Assert.Contains($"{ChineseName}: total", north.TextBody);
        var link = Regex.Match(north.TextBody, @"https?://[^/\s]+(/reports/pack\?t=\S+)").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Contains(ChineseName, Text(await _app.Anonymous().PdfAsync(link))); // the link works without signing in
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _app.Anonymous().Http.GetAsync(link[..^3] + "abc")).StatusCode); // tampered

        // The next month sends again.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await SweepAsync(_app));
    }
}

public sealed class SqliteMonthlyPackTests() : MonthlyPackTests(TestDatabase.Sqlite);
public sealed class PostgresMonthlyPackTests() : MonthlyPackTests(TestDatabase.Postgres);
