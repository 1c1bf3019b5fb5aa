using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Targets;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Targets;

/// <summary>Driving the targets pages as a browser would: post a form of a page, follow the redirect, read the text shown.</summary>
public static class TargetsTestKit
{
    public const string Q1 = "2026-Q1";

    /// <summary>Signed in with an English browser (the portal's default is Chinese).</summary>
    public static async Task<ApiClient> SignInEnAsync(this TestApp app, string key)
    {
        var client = await app.SignInAsync(key);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>Posts a form read from <paramref name="pageUrl"/> to <paramref name="action"/>; answers the response and the page shown after it.</summary>
    public static async Task<(HttpResponseMessage Response, string Text)> SubmitAsync(this ApiClient client, string pageUrl, string action, params (string, string)[] fields)
    {
        var response = await client.PostFormAsync(pageUrl, action, fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var to = response.Headers.Location!.OriginalString;
            return (response, await client.TextAsync(to));
        }
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The page's HTML with entities decoded (what a reader sees, plus the markup).</summary>
    public static async Task<string> TextAsync(this ApiClient client, string url) => WebUtility.HtmlDecode(await client.HtmlAsync(url));

    public static TargetRecord Target(this TestApp app, string level, string owner, string metric = "contractValue", string period = Q1)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var p = TargetPeriod.Parse(period)!;
        return db.Targets.Single(t => t.Level == level && t.OwnerId == owner && t.Metric == metric && t.PeriodKind == p.Kind && t.PeriodStart == p.Start);
    }

    public static Guid TeamId(this TestApp app, string name)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>().Teams.Single(t => t.Name == name).Id;
    }

    public static TargetProposalRecord Proposal(this TestApp app, Guid targetId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        return db.TargetProposals.OrderByDescending(p => p.ProposedAt).First(p => p.TargetId == targetId);
    }
}
