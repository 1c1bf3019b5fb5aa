using SalesPerf.Web.Accounts;
using SalesPerf.Web.Caching;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Dashboards;

/// <summary>
/// The dashboard's figures and chart data per (viewer, language, filter), computed once for everyone refreshing the
/// same view within a few seconds and again after any write on this node (<see cref="PortalCache"/>). The team board's
/// rep comparison is the default view's figures, so it shares the entry.
/// </summary>
public sealed class DashboardCache(DashboardQuery query, PortalCache cache, Loc loc)
{
    public async Task<(DashboardData? Data, string ChartJson)> LoadAsync(AccessScope scope, DashboardFilter filter, CancellationToken ct = default)
    {
        filter = filter.Normalized();
        var key = $"dashboard|{PortalCache.Viewer(scope)}|{System.Text.Json.JsonSerializer.Serialize(filter)}";
        return await cache.GetOrAddAsync(key, async () =>
            await query.LoadAsync(scope, filter, ct) is { } data ? (data, Pages.Dashboard.DashboardCharts.Json(data, loc)) : ((DashboardData?)null, "{}"));
    }
}
