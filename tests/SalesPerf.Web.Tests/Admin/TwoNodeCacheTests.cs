using Microsoft.Extensions.Time.Testing;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>
/// Two app nodes on one database (same clock; a SQLite file, or PostgreSQL as teams with several nodes run it): the
/// holiday calendar and the customer type names an admin edits on node A count on node B within a few seconds, without
/// a restart.
/// </summary>
public abstract class TwoNodeCacheTests(Func<TestDatabase> createDatabase) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestApp.Start);
    private TestDatabase _database = null!;
    private TestApp _a = null!;
    private TestApp _b = null!;

    public async Task InitializeAsync()
    {
        _database = createDatabase();
        _a = await new TestApp(_database, _clock).StartAsync();
        _b = await new TestApp(_database, _clock).StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>On the given node: a deal whose first stage is approved, so its needs-analysis stage (5 business days) starts now.</summary>
    private static async Task<DateTimeOffset> NeedsAnalysisDueAsync(TestApp node, string title) => (await node.NeedsAnalysisStartedAsync(title)).Due;

    [Fact]
    public async Task A_holiday_added_on_one_node_sets_the_next_stage_deadline_on_the_other()
    {
        // Node B has the calendar cached: Monday 2026-03-02 + 5 business days = Monday 2026-03-09.
        Assert.Equal(TestApp.Start.AddDays(7), await NeedsAnalysisDueAsync(_b, "Before the holiday"));

        var admin = await _a.SignInEnAsync("admin");
        var html = await admin.SubmitAsync("/Admin/Calendar?year=2026", "Add",
            new() { ["from"] = "2026-03-04", ["to"] = "2026-03-05", ["kind"] = "holiday", ["name"] = "Company retreat" });
        Assert.Contains("Company retreat", html);

        _clock.Advance(CalendarProvider.MaxAge); // node B reads the calendar again at most this much later
        var due = await NeedsAnalysisDueAsync(_b, "After the holiday");
        Assert.Equal(TestApp.Start.Add(CalendarProvider.MaxAge).AddDays(9), due); // two days later: Wednesday 2026-03-11
        Assert.Equal(due, await NeedsAnalysisDueAsync(_a, "On the editing node"));
    }

    [Fact]
    public async Task A_customer_type_renamed_on_one_node_shows_on_the_other()
    {
        var rep = await _b.SignInEnAsync("rA");
        var deal = await rep.CreateDealAsync("Grid deal");
        Assert.Contains("State Grid Hebei · Grid company", await rep.HtmlAsync($"/Deals/{deal}"));

        var admin = await _a.SignInEnAsync("admin");
        await admin.SubmitAsync("/Admin/CustomerTypes", "Update",
            new() { ["key"] = "grid", ["nameZh"] = "电网企业", ["nameEn"] = "Grid utility", ["sortOrder"] = "10" });

        _clock.Advance(CustomerTypeNames.MaxAge);
        Assert.Contains("State Grid Hebei · Grid utility", await rep.HtmlAsync($"/Deals/{deal}"));
    }
}

public sealed class SqliteTwoNodeCacheTests() : TwoNodeCacheTests(TestDatabase.Sqlite);
public sealed class PostgresTwoNodeCacheTests() : TwoNodeCacheTests(TestDatabase.Postgres);
