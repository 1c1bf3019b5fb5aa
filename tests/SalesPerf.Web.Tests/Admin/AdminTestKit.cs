using System.Net;
using System.Text.RegularExpressions;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>Posting the admin pages' forms and reading what they show.</summary>
public static partial class AdminTestKit
{
    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();

    /// <summary>Posts a page form and follows the redirect back (as a browser), returning the page the admin then sees.</summary>
    public static async Task<string> SubmitAsync(this ApiClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var r = await client.PostFormAsync(page, $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}", fields);
        if (r.StatusCode == HttpStatusCode.Redirect) return await client.HtmlAsync(r.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }

    public static string Secret(string html) => WebUtility.HtmlDecode(SecretPattern().Match(html).Groups[1].Value);

    /// <summary>A test user signed in, reading the pages in English.</summary>
    public static async Task<ApiClient> SignInEnAsync(this TestApp app, string key)
    {
        var client = await app.SignInAsync(key);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>rA creates a deal and mN approves its first stage: the needs-analysis stage then starts, due in 5 business days.</summary>
    public static async Task<(string Deal, DateTimeOffset Due)> NeedsAnalysisStartedAsync(this TestApp app, string title)
    {
        var rep = await app.SignInEnAsync("rA");
        var deal = await rep.CreateDealAsync(title);
        Assert.True((await rep.SubmitCurrentStageAsync(deal)).IsSuccessStatusCode);
        var manager = await app.SignInEnAsync("mN");
        (await manager.PostAsync($"/api/deals/{deal}/submissions/1/approve", new { })).EnsureSuccessStatusCode();
        var current = (await rep.GetJsonAsync($"/api/deals/{deal}"))["current"]!;
        Assert.Equal("needs-analysis", current["key"].Str());
        return (deal, current["dueAt"]!.GetValue<DateTimeOffset>());
    }

    public static async Task<ApiClient> SignInAsAsync(this TestApp app, string email, string password)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var api = new ApiClient(client);
        var r = await api.PostAsync("/api/auth/login", new { email, password });
        Assert.True(r.IsSuccessStatusCode, $"sign-in of {email}: {(int)r.StatusCode}");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return api;
    }
}
