using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Pages;

[Authorize]
public sealed class IndexModel(RequestAccess access, DealQueries queries, FlowCatalog flows, CalendarProvider calendars, TimeProvider clock) : PageModel
{
    private readonly Dictionary<(string, int), IReadOnlyList<string>> _stageKeys = [];

    public DealPage Deals { get; private set; } = new([], 0, 1, 50);
    public TimeSpan Offset { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Deals = await queries.ListAsync(await access.GetAsync(ct), new DealListFilter(Status: DealStatus.Active, PageSize: 100), ct);
        Offset = calendars.Zone.GetUtcOffset(clock.GetUtcNow());
        foreach (var d in Deals.Items)
            _stageKeys[(d.FlowDefinitionId, d.FlowVersion)] = (await flows.GetAsync(d.FlowDefinitionId, d.FlowVersion, ct)).Stages.Select(s => s.Key).ToList();
    }

    /// <summary>CSS class of each stage in the deal's flow: done, current or upcoming.</summary>
    public IEnumerable<string> StageSteps(DealSummary d)
    {
        var keys = _stageKeys[(d.FlowDefinitionId, d.FlowVersion)];
        var current = d.StageKey is null ? keys.Count : keys.ToList().IndexOf(d.StageKey);
        return keys.Select((_, i) => i < current ? "done" : i == current ? "current" : "");
    }
}
