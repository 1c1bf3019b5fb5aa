using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SalesPerf.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in person who lacks the role; answers 403.</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
