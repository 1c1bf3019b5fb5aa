using System.Globalization;
using System.Text.Json;
using SalesPerf.Engine.Dashboards;
using SalesPerf.Web.Dashboards;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Dashboard;

/// <summary>
/// The charts as JSON for wwwroot/js/dashboard.js: labels already in the viewer's language, axis titles, numbers.
/// Serialized with the default encoder, which escapes &lt; &gt; &amp; and quotes, so user text (rep names) cannot
/// close the script block it is placed in.
/// </summary>
public static class DashboardCharts
{
    private sealed record Dataset(string Label, IReadOnlyList<double?> Data, string Color, string? Type = null, string? Stack = null);

    private sealed record Chart(string Id, string Type, IReadOnlyList<string> Labels, IReadOnlyList<Dataset> Datasets, string XTitle, string YTitle,
        bool Horizontal = false, bool Percent = false, bool Stacked = false);

    public static string Json(DashboardData d, Loc l)
    {
        var charts = new List<Chart>
        {
            new("chart-stages", "bar", d.StageDistribution.Select(s => DashboardText.Stage(s.StageKey, s.Name, l)).ToList(),
            [
                new(l["Open"], d.StageDistribution.Select(s => (double?)s.Open).ToList(), "#0b6e4f", Stack: "s"),
                new(l["Waiting for approval"], d.StageDistribution.Select(s => (double?)s.Waiting).ToList(), "#7aa7e0", Stack: "s"),
            ], l["Stage"], l["Number of deals"], Stacked: true),
            new("chart-cycle", "line", d.FollowUpCycle.Select(p => p.Start.ToString("MM-dd", CultureInfo.InvariantCulture) is var md && d.Bucket == CycleBucket.Month
                    ? p.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture) : md).ToList(),
            [
                new(l["Median days"], d.FollowUpCycle.Select(p => p.MedianDays is { } m ? Math.Round(m, 1) : (double?)null).ToList(), "#1c4fa0"),
            ], d.Bucket == CycleBucket.Week ? l["Week of"] : l["Month"], l["Median days"]),
            new("chart-funnel", "bar", d.Funnel.Select(f => DashboardText.Stage(f.StageKey, f.Name, l)).ToList(),
            [
                new(l["Reached"], d.Funnel.Select(f => (double?)f.Deals).ToList(), "#0b6e4f"),
            ], l["Number of deals"], l["Stage"], Horizontal: true),
        };
        var rates = new List<Dataset>
        {
            new(l["Completion rate"], d.RepRows.Select(r => Pct(r.Figures.CompletionRate)).ToList(), "#0b6e4f"),
            new(l["On-time rate"], d.RepRows.Select(r => Pct(r.Figures.OnTimeRate)).ToList(), "#f0b429"),
        };
        if (d.ShowsTeamAverage)
        {
            rates.Add(new(l["Team average completion"], d.RepRows.Select(r => Pct(r.TeamAverage?.CompletionRate)).ToList(), "#064e38", "line"));
            rates.Add(new(l["Team average on-time"], d.RepRows.Select(r => Pct(r.TeamAverage?.OnTimeRate)).ToList(), "#b7791f", "line"));
        }
        charts.Add(new("chart-rates", "bar", d.RepRows.Select(r => r.Name).ToList(), rates, l["Rate (%)"], l["Rep"], Horizontal: true, Percent: true));
        return JsonSerializer.Serialize(charts, JsonSerializerOptions.Web);
    }

    public static double? Pct(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}
