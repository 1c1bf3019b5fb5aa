using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>Closing and reopening periods through the real API, and computing an evaluation fresh (what it would be without the snapshot).</summary>
internal static class ClosingTestKit
{
    public static readonly object MarchBody = new { from = "2026-03-01", to = "2026-03-31" };

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> CloseAsync(this ApiClient client, object? period = null) =>
        await SendAsync(client, "/api/closed-periods", period ?? MarchBody);

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> ReopenAsync(this ApiClient client, string? reason) =>
        await SendAsync(client, "/api/closed-periods/reopen", new { from = "2026-03-01", to = "2026-03-31", reason });

    private static async Task<(HttpStatusCode, JsonNode?)> SendAsync(ApiClient client, string url, object body)
    {
        var response = await client.PostAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The rep's March computed now from the database, bypassing any snapshot.</summary>
    public static async Task<RepEvaluation> FreshMarchAsync(this TestApp app, string key, string language = "en")
    {
        using var scope = app.Services.CreateScope();
        var loader = scope.ServiceProvider.GetRequiredService<EvaluationLoader>();
        var team = await loader.TeamOfRepAsync(app.UserIds[key], ReportPeriod.Month(2026, 3));
        return (await loader.EvaluateAsync(team!, ReportPeriod.Month(2026, 3), language)).Reps.Single(r => r.RepId == app.UserIds[key]);
    }

    public static decimal Indicator(this RepEvaluation e, string key) => e.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Key == key).Value;
}
