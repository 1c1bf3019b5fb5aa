using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SalesPerf.Web.Pages.Admin;

/// <summary>
/// The admin pages' post-redirect-get: an action answers null (done) or an error text; either is shown once on the page
/// the admin lands on (<see cref="Done"/> / <see cref="Failed"/>).
/// </summary>
public abstract class AdminPageModel : PageModel
{
    [TempData] public string? Done { get; set; }
    [TempData] public string? Failed { get; set; }

    /// <summary>Awaits the action, keeps its outcome for the next page and redirects back to this page (with <paramref name="route"/>).</summary>
    protected async Task<IActionResult> Finish(Task<string?> action, string done, object? route = null)
    {
        var error = await action;
        if (error is null) Done = done; else Failed = error;
        return RedirectToPage(route);
    }
}
