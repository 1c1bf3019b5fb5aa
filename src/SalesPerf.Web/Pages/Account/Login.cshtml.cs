using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Account;

/// <summary>Identity sign-in with lockout after repeated failures.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, Loc l) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? l["This account is locked after too many failed sign-ins; try again in 15 minutes."]
            : l["Wrong email or password."]);
        return Page();
    }
}
