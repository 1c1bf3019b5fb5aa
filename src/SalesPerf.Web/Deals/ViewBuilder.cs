using SalesPerf.Engine.Deals;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Deals;

/// <summary>Builds a deal's detail view with its flow version and rep name.</summary>
public sealed class ViewBuilder(FlowCatalog flows, DealQueries queries, TimeProvider clock)
{
    public async Task<DealDetail> DetailAsync(DealState deal, CancellationToken ct = default)
    {
        var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
        var names = await queries.RepNamesAsync([deal.RepId], ct);
        return DealViews.Detail(deal, flow, names.GetValueOrDefault(deal.RepId), clock.GetUtcNow());
    }
}
