using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>
/// The demo company's reports, as a new user first sees them: its deals' events happen in time order (a resubmission
/// after its send-back), so no figure is negative, and every dimension score and total adds up from the printed parts.
/// </summary>
public sealed class DemoEvaluationTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new TestApp(TestDatabase.Sqlite());
        _app.Settings["SalesPerf:SeedDemoData"] = "true";
        _ = _app.Server; // migrates and seeds the demo company
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private static decimal R(decimal d) => Math.Round(d, 1, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Demo_events_are_in_time_order_and_every_report_figure_adds_up()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var events = (await db.DealEvents.AsNoTracking().Select(e => new { e.DealId, e.Sequence, e.Type, e.At }).ToListAsync())
            .GroupBy(e => e.DealId).ToList();
        Assert.True(events.Count >= 100, $"demo deals: {events.Count}");
        var outOfOrder = events.SelectMany(d => d.OrderBy(e => e.Sequence).Zip(d.OrderBy(e => e.Sequence).Skip(1)))
            .Where(p => p.Second.At < p.First.At).Select(p => $"{p.First.DealId} #{p.Second.Sequence} {p.Second.Type} before {p.First.Type}").ToList();
        Assert.True(outOfOrder.Count == 0, $"{outOfOrder.Count} events before their predecessor: {string.Join("; ", outOfOrder.Take(8))}");

        var loader = scope.ServiceProvider.GetRequiredService<EvaluationLoader>();
        var teams = await db.Teams.AsNoTracking().Select(t => t.Id).ToListAsync();
        var reps = 0;
        foreach (var month in new[] { (2025, 12), (2026, 1), (2026, 2) })
        foreach (var id in teams)
        {
            var period = ReportPeriod.Month(month.Item1, month.Item2);
            var team = await loader.TeamAsync(id, period);
            if (team is null || team.Reps.Count == 0) continue;
            var evaluation = await loader.EvaluateAsync(team, period, "zh-CN");
            foreach (var rep in evaluation.Reps)
            {
                reps++;
                foreach (var i in rep.Dimensions.SelectMany(d => d.Indicators).Where(i => i.Scored))
                {
                    Assert.True(i.Value >= 0, $"{rep.RepName} {month}: {i.Name} = {i.DisplayValue}");
                    Assert.InRange(i.Score, 0, 100);
                }
                Assert.DoesNotContain(rep.Dimensions.SelectMany(d => d.Indicators), i => i.DisplayValue.StartsWith('-'));
                foreach (var d in rep.Dimensions.Where(d => d.Scored))
                {
                    var counted = d.Indicators.Where(i => i.Scored).ToList();
                    Assert.Equal(R(counted.Sum(i => i.Weight * i.Score) / counted.Sum(i => i.Weight)), d.Score);
                }
                var dims = rep.Dimensions.Where(d => d.Scored).ToList();
                Assert.Equal(R(dims.Sum(d => d.Weight * d.Score) / dims.Sum(d => d.Weight)), rep.TotalScore);
            }
            Assert.Equal(R(evaluation.Reps.Average(r => r.TotalScore)), evaluation.Reps[0].TeamAverageTotal);
        }
        Assert.True(reps >= 30, $"rep evaluations checked: {reps}");
    }
}
