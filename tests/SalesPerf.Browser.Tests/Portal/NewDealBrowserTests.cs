using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;

namespace SalesPerf.Browser.Tests.Portal;

/// <summary>
/// Starting a deal in a real browser: a rep on a phone in Chinese taps "新建商机" on My deals, submits the empty form
/// (the errors show next to the fields), fills it in and lands on the new deal; a manager on a desktop in English starts
/// one for a rep of the team. Screenshots of the form at 375 and 1280 px in both languages; fails on any console error,
/// failed request or request to another host; the app's icon is served (no 404 for /favicon.ico on every page).
/// </summary>
public sealed class NewDealBrowserTests
{
    private static async Task SwitchLanguageAsync(IPage page)
    {
        var url = page.Url;
        await page.Locator("button.lang").ClickAsync();
        await page.WaitForURLAsync(url);
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_rep_on_a_phone_starts_a_deal_in_chinese_and_a_manager_on_a_desktop_starts_one_for_a_rep()
    {
        await using var app = await new BrowserApp().StartAsync();

        await using (var phone = await ChromiumSession.LaunchPhoneAsync(app.BaseUrl))
        {
            var page = phone.Page;
            await PortalPages.SignInAsync(page, app.BaseUrl, "rA");
            await page.GotoAsync(app.BaseUrl + "/Deals/New");
            await phone.ScreenshotAsync("newdeal-1-phone-en-form");
            await page.GotoAsync(app.BaseUrl + "/");
            await SwitchLanguageAsync(page);
            await phone.ScreenshotAsync("newdeal-0-phone-zh-my-deals");
            await page.Locator("#new-deal-link").TapAsync();
            await page.WaitForURLAsync("**/Deals/New");
            Assert.Equal("新建商机", (await page.Locator("h1").TextContentAsync())?.Trim());
            await phone.ScreenshotAsync("newdeal-2-phone-zh-form");

            await page.FillAsync("#Deal_Customer", "国网河北保定供电公司");
            await page.Locator("#new-deal button[type=submit]").TapAsync();
            var titleError = page.Locator("span.field-validation-error[data-valmsg-for='Deal.Title']");
            await titleError.WaitForAsync(); // the form came back with the errors
            Assert.Equal("请填写商机名称。", (await titleError.TextContentAsync())?.Trim());
            Assert.Equal("请选择客户类型。", (await page.Locator("span[data-valmsg-for='Deal.CustomerType']").TextContentAsync())?.Trim());
            Assert.Contains("input-validation-error", await page.GetAttributeAsync("#Deal_Title", "class") ?? "");
            Assert.Equal("国网河北保定供电公司", await page.InputValueAsync("#Deal_Customer")); // nothing typed is lost
            await phone.ScreenshotAsync("newdeal-3-phone-zh-errors");

            await page.FillAsync("#Deal_Title", "保定 110kV 变电站改造");
            await page.SelectOptionAsync("#Deal_CustomerType", new SelectOptionValue { Label = "电网公司" });
            await page.FillAsync("#Deal_EstimatedValue", "2,000,000");
            await page.Locator("#new-deal button[type=submit]").TapAsync();
            await page.WaitForURLAsync(u => u.Contains("/Deals/", StringComparison.Ordinal) && !u.EndsWith("/New", StringComparison.Ordinal));
            await page.GetByText("商机已创建，第一个阶段已开始。").WaitForAsync();
            Assert.Contains("国网河北保定供电公司 · 电网公司", await page.Locator("main").TextContentAsync() ?? "");
            await phone.ScreenshotAsync("newdeal-4-phone-zh-created");

            // The icons the layout links (and /favicon.ico, which browsers ask for on their own) are served.
            foreach (var selector in new[] { "link[rel=icon][type='image/svg+xml']", "link[rel=icon][sizes]", "link[rel=apple-touch-icon]" })
            {
                var href = await page.Locator(selector).GetAttributeAsync("href");
                Assert.Equal(200, (await phone.Context.APIRequest.GetAsync(app.BaseUrl + href)).Status);
            }
            Assert.Equal(200, (await phone.Context.APIRequest.GetAsync(app.BaseUrl + "/favicon.ico")).Status);
            Assert.True(phone.Problems.Count == 0, "The phone browser reported problems:\n" + string.Join("\n", phone.Problems));
        }

        await using var desktop = await ChromiumSession.LaunchAsync(app.BaseUrl, new ViewportSize { Width = 1280, Height = 900 });
        var manager = desktop.Page;
        await PortalPages.SignInAsync(manager, app.BaseUrl, "mN");
        await manager.Locator("#new-deal-link").ClickAsync();
        await manager.WaitForURLAsync("**/Deals/New");
        await desktop.ScreenshotAsync("newdeal-5-desktop-en-form");
        await manager.FillAsync("#Deal_Title", "Rooftop PV for the cold store");
        await manager.FillAsync("#Deal_Customer", "Hebei Cold Chain Logistics");
        await manager.SelectOptionAsync("#Deal_CustomerType", new SelectOptionValue { Label = "Industrial" });
        await manager.SelectOptionAsync("#Deal_FlowDefinitionId", "power-service-flow");
        await manager.Locator("#new-deal button[type=submit]").ClickAsync();
        var repError = manager.Locator("span.field-validation-error[data-valmsg-for='Deal.RepId']");
        await repError.WaitForAsync();
        Assert.Equal("Choose the rep.", (await repError.TextContentAsync())?.Trim());
        await desktop.ScreenshotAsync("newdeal-6-desktop-en-errors");
        await manager.SelectOptionAsync("#Deal_RepId", app.UserIds["rA"]);
        await manager.Locator("#new-deal button[type=submit]").ClickAsync();
        await manager.WaitForURLAsync(u => u.Contains("/Deals/", StringComparison.Ordinal) && !u.EndsWith("/New", StringComparison.Ordinal));
        await manager.GetByText("Deal created: its first stage has started.").WaitForAsync();
        Assert.Contains("Hebei Cold Chain Logistics · Industrial · Rep: rA", await manager.Locator("main").TextContentAsync() ?? "");
        await desktop.ScreenshotAsync("newdeal-7-desktop-en-created");

        await manager.GotoAsync(app.BaseUrl + "/Deals/New");
        await SwitchLanguageAsync(manager);
        await desktop.ScreenshotAsync("newdeal-8-desktop-zh-form");
        Assert.True(desktop.Problems.Count == 0, "The desktop browser reported problems:\n" + string.Join("\n", desktop.Problems));
    }
}
