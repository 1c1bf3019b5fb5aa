using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;

namespace SalesPerf.Browser.Tests.Score;

/// <summary>
/// A rep on a phone opens their score page, reads a deduction's rule and inputs, and questions it; the manager answers
/// from a desktop with a correction; the rep sees the answer and the deduction given back. Screenshots at 375 px (both
/// languages) and 1280 px; fails on any console error or failed request.
/// </summary>
public sealed class DisputeBrowserTests
{
    [Fact]
    public async Task A_rep_questions_a_deduction_on_a_phone_and_the_manager_answers_from_the_desktop()
    {
        await using var app = await new BrowserApp().StartAsync();
        var rep = await app.SignInAsync("rA");
        var manager = await app.SignInAsync("mN");
        var dealId = await rep.CreateDealAsync("Substation 110kV upgrade");
        await rep.SubmitCurrentStageAsync(dealId);
        var no = (await (await manager.GetAsync($"/api/deals/{dealId}")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["current"]!["pendingSubmissionNo"]!.GetValue<int>();
        (await manager.PostAsJsonAsync($"/api/deals/{dealId}/submissions/{no}/send-back", new { comment = "Add who attended the visit" })).EnsureSuccessStatusCode();

        await using (var phone = await ChromiumSession.LaunchPhoneAsync(app.BaseUrl))
        {
            var page = phone.Page;
            await PortalPages.SignInAsync(page, app.BaseUrl, "rA");
            await page.GotoAsync(app.BaseUrl + "/Score");
            var line = page.Locator("#deductions li").Filter(new() { HasText = "Add who attended the visit" });
            await line.WaitForAsync();
            Assert.Contains("2 per send-back", await line.InnerTextAsync());
            Assert.Contains("submission #1 sent back", await line.InnerTextAsync());
            await phone.ScreenshotAsync("dispute-1-phone-en-score");

            await line.Locator("details.dispute summary").TapAsync();
            await line.Locator("textarea[name=question]").FillAsync("The customer asked for the visit notes format; I followed it.");
            await line.Locator("button[type=submit]").TapAsync();
            await page.Locator("#disputes .notice").GetByText("Your question was sent to your manager.").WaitForAsync();
            Assert.Contains("The customer asked for the visit notes format", await page.Locator("#disputes").InnerTextAsync());
            await phone.ScreenshotAsync("dispute-2-phone-en-asked");

            await page.Locator("button.lang").TapAsync();
            await page.Locator("h2", new() { HasText = "扣分明细" }).WaitForAsync();
            await phone.ScreenshotAsync("dispute-3-phone-zh-score");
            Assert.True(phone.Problems.Count == 0, "The phone browser reported problems:\n" + string.Join("\n", phone.Problems));
        }

        await using (var desktop = await ChromiumSession.LaunchAsync(app.BaseUrl, new ViewportSize { Width = 1280, Height = 900 }))
        {
            var page = desktop.Page;
            await PortalPages.SignInAsync(page, app.BaseUrl, "mN");
            await page.GotoAsync(app.BaseUrl + "/Disputes");
            var open = page.Locator("#open li").Filter(new() { HasText = "The customer asked for the visit notes format" });
            await open.WaitForAsync();
            await desktop.ScreenshotAsync("dispute-4-desktop-en-inbox");
            await open.GetByRole(AriaRole.Link, new() { Name = "Answer" }).ClickAsync();
            var form = page.Locator("#disputes form").First;
            await form.WaitForAsync();
            await form.Locator("textarea[name=answer]").FillAsync("Right, the customer set that format. Giving the points back.");
            await form.Locator("input[name=points]").FillAsync("2");
            await form.Locator("button[type=submit]").ClickAsync();
            await page.Locator("#disputes .notice").GetByText("Answer sent.").WaitForAsync();
            Assert.Contains("+2 · Substation 110kV upgrade", await page.Locator("#disputes").InnerTextAsync());
            await desktop.ScreenshotAsync("dispute-5-desktop-en-answered");
            Assert.True(desktop.Problems.Count == 0, "The desktop browser reported problems:\n" + string.Join("\n", desktop.Problems));
        }

        await using (var phone = await ChromiumSession.LaunchPhoneAsync(app.BaseUrl))
        {
            var page = phone.Page;
            await PortalPages.SignInAsync(page, app.BaseUrl, "rA");
            await page.GotoAsync(app.BaseUrl + "/Score");
            var disputes = page.Locator("#disputes");
            await disputes.GetByText("Giving the points back.").WaitForAsync();
            // The correction is a line of its own, and the two cancel out in "process deductions".
            Assert.Contains("the manager's correction", await page.Locator("#deductions").InnerTextAsync());
            Assert.Equal("−0", (await page.Locator("#ind-process\\.deductions .ival").TextContentAsync())?.Trim());
            await phone.ScreenshotAsync("dispute-6-phone-en-settled");
        }
    }
}
