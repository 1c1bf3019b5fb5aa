using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Accounts;

public static class UsersInRoleQuery
{
    /// <summary>The users holding <paramref name="role"/> (one of <see cref="Roles"/>), untracked, as one SQL query.</summary>
    public static IQueryable<AppUser> UsersInRole(this SalesPerfDbContext db, string role) =>
        db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == role)));
}
