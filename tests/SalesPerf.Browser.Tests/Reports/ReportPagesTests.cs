using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;

namespace SalesPerf.Browser.Tests.Reports;

/// <summary>
/// The evaluation pages in real Chromium at desktop (1280) and phone (375) size: the report with its dimension bars and
/// how-computed texts, the manager's input page and the admin's weights; no console error, nothing wider than the screen.
/// Screenshots land in artifacts/screenshots.
/// </summary>
public sealed class ReportPagesTests
{
    [Fact]
    public async Task Report_input_and_settings_pages_fit_desktop_and_phone_without_console_errors()
    {
        await using var app = await new BrowserApp().StartAsync();
        using var repApi = await app.SignInAsync("rA");
        using var managerApi = await app.SignInAsync("mN");
        for (var i = 0; i < 2; i++)
        {
            var deal = await repApi.CreateDealAsync($"配电网改造 Substation {i + 1}");
            await repApi.PostAsync($"/api/deals/{deal}/follow-ups", System.Net.Http.Json.JsonContent.Create(new { content = "Call about the load data" }));
            await repApi.SubmitCurrentStageAsync(deal);
            await managerApi.ApprovePendingAsync(deal);
        }
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM");
        var pages = new (string User, string Url, string Name, string MustShow)[]
        {
            ("rA", $"/Reports?kind=month&month={month}", "report-rep", "#total-score"),
            ("mN", $"/Reports?kind=month&month={month}", "report-team", "#team-name"),
            ("mN", $"/Reports?pick=rep:{app.UserIds["rA"]}&kind=month&month={month}", "report-rep-by-manager", "#dim-process"),
            ("mN", $"/Reports/Input?month={month}", "report-input", "textarea[name=Comment]"),
            ("admin", "/Admin/Evaluation", "evaluation-settings", "#weights"),
        };
        foreach (var phone in new[] { false, true })
        foreach (var (user, url, name, mustShow) in pages)
        {
            await using var browser = phone
                ? await ChromiumSession.LaunchPhoneAsync(app.BaseUrl)
                : await ChromiumSession.LaunchAsync(app.BaseUrl, new ViewportSize { Width = 1280, Height = 900 });
            await PortalPages.SignInAsync(browser.Page, app.BaseUrl, user);
            await browser.Page.GotoAsync(app.BaseUrl + url);
            await Assertions.Expect(browser.Page.Locator(mustShow)).ToBeVisibleAsync();
            var width = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= (phone ? 375 : 1280), $"{name} is {width}px wide on {(phone ? "a phone" : "desktop")}");
            await browser.ScreenshotAsync($"{name}-{(phone ? "phone" : "desktop")}");
            Assert.Empty(browser.Problems);
        }
    }
}
