using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SalesPerf.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), headless, with a fresh profile. Collects every
/// console error, failed request, HTTP error answer and request to another host, so a test can fail on any of them.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, IPage page, string profile)
    {
        _playwright = playwright;
        Context = context;
        Page = page;
        _profile = profile;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> Problems { get; } = [];
    public List<string> ApiCalls { get; } = [];

    /// <summary>A phone: 375 × 812 CSS pixels, touch, mobile viewport rules.</summary>
    public static Task<ChromiumSession> LaunchPhoneAsync(string baseUrl) => LaunchAsync(baseUrl, new ViewportSize { Width = 375, Height = 812 }, phone: true);

    public static async Task<ChromiumSession> LaunchAsync(string baseUrl, ViewportSize? viewport = null, bool phone = false)
    {
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("salesperf-chromium-").FullName;
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // No host name resolves, so nothing can leave the machine (the app is reached by its loopback address).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            ViewportSize = viewport ?? new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "en-US",
            HasTouch = phone,
            IsMobile = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var browser = new ChromiumSession(playwright, context, page, profile);
        var origin = new Uri(baseUrl).Authority;
        // A request to another host is reported. Observed, not intercepted: Playwright's routing would send every request
        // through the driver and turn Chromium's HTTP cache off, which slowed the designer's start-up in the measurement.
        context.Request += (_, r) =>
        {
            var url = new Uri(r.Url);
            if (url.Scheme is "http" or "https" && url.Authority != origin) browser.Problems.Add($"request to another host: {r.Url}");
        };
        page.Console += (_, m) => { if (m.Type == "error") browser.Problems.Add($"console error: {m.Text}"); };
        page.PageError += (_, e) => browser.Problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => browser.Problems.Add($"request failed: {r.Method} {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            if (r.Url.Contains("/elsa/api/", StringComparison.Ordinal)) browser.ApiCalls.Add($"{r.Request.Method} {r.Url} {r.Status}");
            if (r.Status >= 400) browser.Problems.Add($"HTTP {r.Status}: {r.Request.Method} {r.Url}");
        };
        return browser;
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>artifacts/screenshots at the repository root (gitignored).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    private static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }
}
