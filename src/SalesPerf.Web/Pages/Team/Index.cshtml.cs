using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Pages.Team;

/// <summary>The team board for managers (their teams) and admins (everyone).</summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Admin}")]
public sealed class IndexModel(RequestAccess access, TeamBoardQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 14;
    public TeamBoard Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Days = Math.Clamp(Days, 1, 365);
        Board = await query.LoadAsync(await access.GetAsync(ct), Days, ct);
    }
}
