using System.Net;
using System.Text.RegularExpressions;

namespace SalesPerf.Web.Tests.Infrastructure;

/// <summary>Drives the Razor Pages like a browser: reads the antiforgery token from a page and posts its forms.</summary>
public static partial class PageClient
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> TokenAsync(this ApiClient client, string pageUrl) =>
        TokenIn(await (await client.Http.GetAsync(pageUrl)).Content.ReadAsStringAsync(), pageUrl);

    /// <summary>The antiforgery token of a page already read.</summary>
    public static string TokenIn(string html, string pageUrl = "the page")
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
    }

    /// <summary>Posts a form as the page would (with the page's antiforgery token unless <paramref name="withToken"/> is false).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this ApiClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields,
        bool withToken = true, string? tokenFrom = null)
    {
        var all = fields.ToList();
        if (withToken) all.Add(new("__RequestVerificationToken", await client.TokenAsync(tokenFrom ?? pageUrl)));
        return await client.Http.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a multipart form (values and files) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this ApiClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<(string Name, string FileName, byte[] Content)> files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        form.Add(new StringContent(await client.TokenAsync(pageUrl)), "__RequestVerificationToken");
        foreach (var (name, fileName, content) in files) form.Add(new ByteArrayContent(content), name, fileName);
        return await client.Http.PostAsync(pageUrl, form);
    }

    /// <summary>What a browser would end up with: 302 to the login page is 401, to the denied page 403.</summary>
    public static HttpStatusCode Effective(this HttpResponseMessage r)
    {
        if (r.StatusCode != HttpStatusCode.Redirect) return r.StatusCode;
        var to = r.Headers.Location?.OriginalString ?? "";
        return to.Contains("/Account/Login") ? HttpStatusCode.Unauthorized : to.Contains("/Account/Denied") ? HttpStatusCode.Forbidden : HttpStatusCode.Redirect;
    }

    public static async Task<string> HtmlAsync(this ApiClient client, string url)
    {
        var r = await client.Http.GetAsync(url);
        if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {(int)r.StatusCode}");
        return await r.Content.ReadAsStringAsync();
    }
}
