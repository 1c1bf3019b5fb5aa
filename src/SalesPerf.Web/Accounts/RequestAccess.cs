using SalesPerf.Web.Caching;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Accounts;

/// <summary>
/// The signed-in caller's <see cref="AccessScope"/>, resolved once per request. Which reps a manager manages is read
/// from the teams at most every few seconds per user (<see cref="PortalCache"/>; any write on this node reads it again).
/// </summary>
public sealed class RequestAccess(IHttpContextAccessor http, SalesPerfDbContext db, PortalCache cache)
{
    private AccessScope? _scope;

    public async Task<AccessScope> GetAsync(CancellationToken ct = default) =>
        _scope ??= await LoadAsync(ct) ?? throw new InvalidOperationException("RequestAccess is only used on endpoints that require sign-in.");

    private async Task<AccessScope?> LoadAsync(CancellationToken ct)
    {
        var user = http.HttpContext!.User;
        var id = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (id is null) return null;
        var roles = string.Join(",", user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        return await cache.GetOrAddAsync($"scope|{id}|{roles}", () => AccessScope.ForAsync(user, db, ct));
    }
}
