using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>Deal rows as the lists show them (My deals, the team board): summary with the rep's name, stage bar, next action.</summary>
public sealed class DealRows(FlowCatalog flows, DealQueries queries, TimeProvider clock)
{
    public async Task<IReadOnlyList<DealRow>> ForAsync(IReadOnlyList<DealRecord> records, AccessScope scope, CancellationToken ct = default)
    {
        var names = await queries.RepNamesAsync(records.Select(r => r.RepId), ct);
        var now = clock.GetUtcNow();
        var list = new List<DealRow>(records.Count);
        foreach (var r in records)
        {
            var flow = await flows.GetAsync(r.FlowDefinitionId, r.FlowVersion, ct);
            var summary = DealViews.Summary(r, flow, names.GetValueOrDefault(r.RepId), now);
            list.Add(new DealRow(summary, flow.Stages.Select(s => s.Key).ToList(), NextAction.For(summary, scope)));
        }
        return list;
    }
}
