using Microsoft.Playwright;

namespace SalesPerf.Browser.Tests.Infrastructure;

public static class PortalPages
{
    /// <summary>Signs in on the login page the portal sends an anonymous visitor to, as a person does.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string user)
    {
        await page.GotoAsync(baseUrl + "/");
        await page.WaitForURLAsync(u => u.Contains("/Account/Login", StringComparison.Ordinal));
        await page.FillAsync("input[type=email]", $"{user}@test.local");
        await page.FillAsync("input[type=password]", BrowserApp.Password);
        await page.Locator("form:has(input[type=password]) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
