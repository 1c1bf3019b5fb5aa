using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Accounts;

/// <summary>The signed-in caller's <see cref="AccessScope"/>, resolved once per request.</summary>
public sealed class RequestAccess(IHttpContextAccessor http, SalesPerfDbContext db)
{
    private AccessScope? _scope;

    public async Task<AccessScope> GetAsync(CancellationToken ct = default) =>
        _scope ??= await AccessScope.ForAsync(http.HttpContext!.User, db, ct)
                   ?? throw new InvalidOperationException("RequestAccess is only used on endpoints that require sign-in.");
}
