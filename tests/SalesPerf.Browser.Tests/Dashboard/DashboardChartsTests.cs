using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;

namespace SalesPerf.Browser.Tests.Dashboard;

/// <summary>
/// The dashboard's four charts draw (Chart.js served by the app itself: an outside request fails the test) with
/// something on every canvas, at desktop and phone size, for a manager and a rep, with no console error.
/// </summary>
public sealed class DashboardChartsTests
{
    [Fact]
    public async Task Charts_render_at_desktop_and_phone_size_without_console_errors()
    {
        await using var app = await new BrowserApp().StartAsync();
        using var repApi = await app.SignInAsync("rA");
        using var managerApi = await app.SignInAsync("mN");
        for (var i = 0; i < 3; i++)
        {
            var deal = await repApi.CreateDealAsync($"Substation expansion {i + 1}", i == 1 ? "industrial" : "grid");
            await repApi.PostAsync($"/api/deals/{deal}/follow-ups", System.Net.Http.Json.JsonContent.Create(new { content = "Call about the load data" }));
            if (i == 2) continue;
            await repApi.SubmitCurrentStageAsync(deal);
            await managerApi.ApprovePendingAsync(deal);
        }

        foreach (var (user, phone) in new[] { ("mN", false), ("mN", true), ("rA", true) })
        {
            await using var browser = phone
                ? await ChromiumSession.LaunchPhoneAsync(app.BaseUrl)
                : await ChromiumSession.LaunchAsync(app.BaseUrl, new ViewportSize { Width = 1280, Height = 900 });
            await PortalPages.SignInAsync(browser.Page, app.BaseUrl, user);
            await browser.Page.GotoAsync(app.BaseUrl + "/Dashboard");
            foreach (var id in new[] { "chart-stages", "chart-cycle", "chart-funnel", "chart-rates" })
            {
                var canvas = browser.Page.Locator($"#{id}");
                await canvas.ScrollIntoViewIfNeededAsync();
                var box = await canvas.BoundingBoxAsync();
                Assert.True(box is { Width: > 200, Height: > 150 }, $"{id} is {box?.Width}×{box?.Height} ({user}, phone {phone})");
                Assert.True(box!.X + box.Width <= (phone ? 375 : 1280) + 1, $"{id} sticks out of the viewport ({box.X} + {box.Width})");
                Assert.True(await InkedPixelsAsync(browser.Page, id) > 500, $"{id} is blank ({user}, phone {phone})");
            }
            var width = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= (phone ? 375 : 1280), $"the page scrolls sideways: {width} px");
            await browser.ScreenshotAsync($"dashboard-{user}-{(phone ? "phone" : "desktop")}");
            Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
        }
    }

    /// <summary>How many pixels of the canvas are drawn on (not transparent).</summary>
    private static Task<int> InkedPixelsAsync(IPage page, string id) => page.EvaluateAsync<int>(@"id => {
        const c = document.getElementById(id), data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++; return n; }", id);
}
