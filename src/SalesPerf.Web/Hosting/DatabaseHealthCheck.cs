using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Hosting;

/// <summary>/health is green only while the database answers.</summary>
public sealed class DatabaseHealthCheck(SalesPerfDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
}
