using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Account;

/// <summary>The language switch: remembers the choice in the culture cookie for a year.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = LocalizationSetup.Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "zh-CN";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, LocalizationSetup.CookieValue(chosen),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
