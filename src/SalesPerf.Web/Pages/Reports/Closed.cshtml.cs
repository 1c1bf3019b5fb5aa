using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Reports;

/// <summary>HR's list of closed periods: every version with who closed it and when, and why it was reopened.</summary>
[Authorize(Roles = Roles.Hr + "," + Roles.Admin)]
public sealed class ClosedModel(ClosedPeriodStore store) : PageModel
{
    public IReadOnlyList<ClosedPeriodRecord> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await store.AllAsync(ct);

    /// <summary>The first team's report page for that version (the picker there switches to any team or rep).</summary>
    public static string Link(ClosedPeriodRecord r) => r.Kind switch
    {
        PeriodKinds.Month => $"/Reports?kind=month&month={r.Start:yyyy-MM}&version={r.Version}",
        PeriodKinds.Quarter => $"/Reports?kind=quarter&quarter={r.Start.Year}-Q{(r.Start.Month - 1) / 3 + 1}&version={r.Version}",
        _ => $"/Reports?kind=custom&from={r.Start:yyyy-MM-dd}&to={r.End.AddDays(-1):yyyy-MM-dd}&version={r.Version}",
    };
}
