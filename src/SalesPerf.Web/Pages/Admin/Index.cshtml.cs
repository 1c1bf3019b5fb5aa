using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Pages.Admin;

/// <summary>The admins' start page: one card per admin page.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
