using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Targets;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Targets.TargetsTestKit;

namespace SalesPerf.Web.Tests.Targets;

/// <summary>
/// What the evaluation gets: each rep's approved targets cut to the evaluation period, with the source in words. Targets are
/// set through the manager's pages; the clock stands at Mon 2 March 2026 09:00 Shanghai.
/// </summary>
public abstract class RepTargetQueryTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;
    private const string Page = "/Targets?metric=contractValue&period=2026-Q1";

    public async Task InitializeAsync() => _app = await new TestApp(database()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<RepTarget>>> ForAsync(DateOnly from, DateOnly to)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RepTargetQuery>()
            .ForPeriodAsync([_app.UserIds["rA"], _app.UserIds["rB"], _app.UserIds["rC"]], new EvaluationPeriod(from, to), CancellationToken.None);
    }

    [Fact]
    public async Task A_quarter_target_counts_for_a_month_by_days_and_a_change_from_a_date_counts_from_that_date()
    {
        var mN = await _app.SignInEnAsync("mN");
        var north = _app.TeamId("North").ToString("D");
        var rA = _app.UserIds["rA"];
        var rB = _app.UserIds["rB"];
        await mN.SubmitAsync(Page, "/Targets?handler=Children&metric=contractValue&period=2026-Q1", ("parentLevel", "team"), ("parentOwner", north), ("mode", "save"),
            ("v:" + rA, "3000000"));
        await mN.SubmitAsync(Page, "/Targets?handler=Approve&metric=contractValue&period=2026-Q1", ("parentLevel", "team"), ("parentOwner", north));
        // rB only has a draft (set after the approval): not approved, so not scored.
        await mN.SubmitAsync(Page, "/Targets?handler=Children&metric=contractValue&period=2026-Q1", ("parentLevel", "team"), ("parentOwner", north), ("mode", "save"),
            ("v:" + rB, "100"));
        Assert.Equal(TargetStatuses.Draft, _app.Target("rep", rB).Status);

        var march = await ForAsync(new(2026, 3, 1), new(2026, 4, 1));
        var only = Assert.Single(Assert.Contains(rA, march));
        Assert.Equal(TargetMetrics.ContractValue, only.Metric);
        Assert.Equal(1_033_333.33m, only.Value);
        Assert.Equal("2026-Q1 · 3,000,000 × 31/90 d · approved 2026-03-02 by mN", only.Source);
        Assert.False(march.ContainsKey(rB));
        Assert.False(march.ContainsKey(_app.UserIds["rC"]));
        var quarter = await ForAsync(new(2026, 1, 1), new(2026, 4, 1));
        Assert.Equal(3_000_000m, quarter[rA].Single().Value);

        // From 11 March the target is 3,900,000: the first ten days of March keep the old value, February is untouched.
        var target = _app.Target("rep", rA);
        var (_, shown) = await mN.SubmitAsync($"/Targets/Rep/{rA}?period=2026-Q1", $"/Targets/Rep/{rA}?handler=Edit&period=2026-Q1", ("targetId", target.Id.ToString()),
            ("value", "3900000"), ("reason", "New grid project in the territory"), ("effectiveFrom", "2026-03-11"));
        Assert.Contains("Target changed from 2026-03-11.", shown);
        march = await ForAsync(new(2026, 3, 1), new(2026, 4, 1));
        Assert.Equal(Math.Round(3_000_000m * 10 / 90 + 3_900_000m * 21 / 90, 2), march[rA].Single().Value);
        Assert.Equal("2026-Q1 · 3,000,000 × 10/90 d + 3,900,000 × 21/90 d from 2026-03-11 · approved 2026-03-02 by mN, changed 2026-03-02 by mN",
            march[rA].Single().Source);
        var february = await ForAsync(new(2026, 2, 1), new(2026, 3, 1));
        Assert.Equal(Math.Round(3_000_000m * 28 / 90, 2), february[rA].Single().Value);
        var april = await ForAsync(new(2026, 4, 1), new(2026, 5, 1));
        Assert.False(april.ContainsKey(rA));
    }
}

public sealed class SqliteRepTargetQueryTests() : RepTargetQueryTests(TestDatabase.Sqlite);
public sealed class PostgresRepTargetQueryTests() : RepTargetQueryTests(TestDatabase.Postgres);
