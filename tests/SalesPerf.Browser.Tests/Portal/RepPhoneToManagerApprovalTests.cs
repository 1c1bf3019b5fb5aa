using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;

namespace SalesPerf.Browser.Tests.Portal;

/// <summary>
/// The daily loop in a real browser: on a phone (375 × 812, touch) a rep logs a follow-up and submits the
/// needs-analysis report — first with a required field missing (the error shows next to that field), then complete
/// with a real .xlsx; on a desktop the manager approves it from the inbox and the deal's timeline shows it.
/// Fails on any console error, failed request or request to another host; saves a screenshot of every step.
/// </summary>
public sealed class RepPhoneToManagerApprovalTests
{
    [Fact]
    public async Task Rep_logs_a_follow_up_and_submits_on_a_phone_manager_approves_on_a_desktop()
    {
        await using var app = await new BrowserApp().StartAsync();
        using var repApi = await app.SignInAsync("rA");
        using var managerApi = await app.SignInAsync("mN");
        var deal = await repApi.CreateDealAsync("Hebei grid upgrade");
        await repApi.SubmitCurrentStageAsync(deal); // the first visit, approved: the deal is in the needs analysis
        await managerApi.ApprovePendingAsync(deal);

        await using (var phone = await ChromiumSession.LaunchPhoneAsync(app.BaseUrl))
        {
            var page = phone.Page;
            await PortalPages.SignInAsync(page, app.BaseUrl, "rA");
            await phone.ScreenshotAsync("flow-1-phone-my-deals");

            await page.GetByText("Hebei grid upgrade").First.TapAsync();
            await page.WaitForURLAsync($"**/Deals/{deal}");
            await phone.ScreenshotAsync("flow-2-phone-deal");

            await page.Locator("#followup-form summary").TapAsync();
            await page.FillAsync("#FollowUp_Content", "Met the energy manager on site; reviewed last summer's peak load.");
            await page.FillAsync("#FollowUp_CustomerNeeds", "Cut peak demand charges by 15%");
            await page.FillAsync("#FollowUp_NextStep", "Send the load analysis");
            await page.FillAsync("#FollowUp_NextStepDate", "2030-01-15");
            await phone.ScreenshotAsync("flow-3-phone-follow-up-form");
            await page.Locator("#followup-form button[type=submit]").TapAsync();
            await page.GetByText("Met the energy manager on site").First.WaitForAsync();
            await phone.ScreenshotAsync("flow-4-phone-follow-up-saved");

            await page.GotoAsync($"{app.BaseUrl}/Deals/{deal}/Submit");
            await page.FillAsync("#fld-peakLoadKw", "8600");
            await page.FillAsync("#fld-existingEquipment", "Two 10 kV transformers (2009), capacitor banks, no storage on site.");
            await page.FillAsync("#fld-demandForecast", "A second production line in 2027 adds about 3 MW of load in summer.");
            await page.FillAsync("#fld-forecastGrowthPct", "12");
            await page.Locator("#deliverable-form button[type=submit]").TapAsync();
            await page.WaitForLoadStateAsync();
            var error = page.Locator("#field-loadProfile .field-error");
            await error.WaitForAsync();
            Assert.False(string.IsNullOrWhiteSpace(await error.TextContentAsync()));
            Assert.Contains("input-validation-error", await page.GetAttributeAsync("#fld-loadProfile", "class") ?? "");
            Assert.Equal("8600", await page.InputValueAsync("#fld-peakLoadKw")); // nothing typed is lost
            await page.Locator("#field-loadProfile").ScrollIntoViewIfNeededAsync();
            await phone.ScreenshotAsync("flow-5-phone-validation-error");

            await page.FillAsync("#fld-loadProfile", "Peak 8.6 MW on summer afternoons, valley 2.1 MW at night; typical daily curve attached in the workbook.");
            await page.SetInputFilesAsync("#fld-report", DealSetup.XlsxTemplate);
            await page.Locator("#deliverable-form button[type=submit]").TapAsync();
            await page.WaitForURLAsync($"**/Deals/{deal}");
            await page.GetByText("Submitted “Needs-analysis report”").First.WaitForAsync();
            await phone.ScreenshotAsync("flow-6-phone-submitted");
            Assert.True(phone.Problems.Count == 0, "The phone browser reported problems:\n" + string.Join("\n", phone.Problems));
        }

        await using var desktop = await ChromiumSession.LaunchAsync(app.BaseUrl, new ViewportSize { Width = 1280, Height = 900 });
        var manager = desktop.Page;
        await PortalPages.SignInAsync(manager, app.BaseUrl, "mN");
        await manager.GotoAsync(app.BaseUrl + "/Approvals");
        await manager.GetByText("Hebei grid upgrade").First.WaitForAsync();
        await desktop.ScreenshotAsync("flow-7-desktop-approvals");
        await manager.Locator("form.decide button[value=approve]").First.ClickAsync();
        await manager.GetByText("Approved.").First.WaitForAsync();
        await desktop.ScreenshotAsync("flow-8-desktop-approved");

        await manager.GotoAsync($"{app.BaseUrl}/Deals/{deal}");
        await manager.GetByText("Approved “Needs-analysis report”").First.WaitForAsync();
        await desktop.ScreenshotAsync("flow-9-desktop-timeline");
        Assert.True(desktop.Problems.Count == 0, "The desktop browser reported problems:\n" + string.Join("\n", desktop.Problems));
    }
}
