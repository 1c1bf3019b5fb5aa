using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Administration;

public sealed record UserRow(string Id, string Name, string Email, string Role, Guid? TeamId, string? TeamName, string Culture, bool LockedOut, string? TimeZone = null);

/// <summary>What an admin types to add a person; an empty password means "generate one and show it once".</summary>
public sealed class NewUserForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string Role { get; set; } = Roles.Rep;
    public Guid? TeamId { get; set; }
    public string Culture { get; set; } = "zh-CN";
    public string? Password { get; set; }
}

/// <summary>
/// Users and their one role, team and language, through Identity's <see cref="UserManager{TUser}"/>. Guard rails:
/// the last active admin keeps the role and cannot be locked; a team's manager stays a manager until replaced.
/// </summary>
public sealed class UserAdmin(SalesPerfDbContext db, UserManager<AppUser> users, Loc l, TimeProvider clock)
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    public async Task<IReadOnlyList<UserRow>> ListAsync(string? search, CancellationToken ct = default)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(u => u.DisplayName.Contains(s) || u.Email!.Contains(s));
        }
        return await RowsAsync(q.OrderBy(u => u.DisplayName), ct);
    }

    public async Task<UserRow?> GetAsync(string id, CancellationToken ct = default) =>
        (await RowsAsync(db.Users.AsNoTracking().Where(u => u.Id == id), ct)).SingleOrDefault();

    private async Task<List<UserRow>> RowsAsync(IQueryable<AppUser> q, CancellationToken ct)
    {
        var rows = await q
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.TeamId, u.Culture, u.LockoutEnd, u.TimeZone,
                Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.Role ?? "", u.TeamId, u.Team, u.Culture, u.LockoutEnd > now, u.TimeZone)).ToList();
    }

    /// <summary>Creates the user; returns the password to show once (typed or generated) or the errors by field.</summary>
    public async Task<(AppUser? User, string? Password, List<(string Field, string Message)> Errors)> CreateAsync(NewUserForm form, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var name = form.Name?.Trim() ?? "";
        var email = form.Email?.Trim() ?? "";
        if (name.Length == 0) errors.Add((nameof(form.Name), l["Enter the person's name."]));
        else if (name.Length > 100) errors.Add((nameof(form.Name), l["A name may be at most 100 characters."]));
        if (email.Length == 0) errors.Add((nameof(form.Email), l["Enter an email address."]));
        if (!Roles.All.Contains(form.Role)) errors.Add((nameof(form.Role), l["Choose a role."]));
        if (!Cultures.Contains(form.Culture)) errors.Add((nameof(form.Culture), l["Choose a language."]));
        if (form.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct)) errors.Add((nameof(form.TeamId), l["That team no longer exists."]));
        if (form.Role == Roles.Rep && form.TeamId is null) errors.Add((nameof(form.TeamId), l["A rep needs a team (its manager approves their stages)."]));
        if (errors.Count > 0) return (null, null, errors);

        var password = string.IsNullOrEmpty(form.Password) ? GeneratePassword() : form.Password;
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, TeamId = form.TeamId, Culture = form.Culture, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, null, Describe(created, nameof(form.Password)));
        await users.AddToRoleAsync(user, form.Role);
        return (user, password, errors);
    }

    public async Task<List<(string Field, string Message)>> UpdateAsync(string id, string? name, string role, Guid? teamId, string culture, string? timeZone,
        CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var user = await users.FindByIdAsync(id);
        if (user is null) return [("", l["That user no longer exists."])];
        name = name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(("Name", l["Enter the person's name."]));
        else if (name.Length > 100) errors.Add(("Name", l["A name may be at most 100 characters."]));
        if (!Roles.All.Contains(role)) errors.Add(("Role", l["Choose a role."]));
        if (!Cultures.Contains(culture)) errors.Add(("Culture", l["Choose a language."]));
        timeZone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim();
        if (timeZone is not null && !UserTimeZones.IsKnown(timeZone)) errors.Add(("TimeZone", l["Choose a time zone from the list."]));
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct)) errors.Add(("TeamId", l["That team no longer exists."]));
        if (role == Roles.Rep && teamId is null) errors.Add(("TeamId", l["A rep needs a team (its manager approves their stages)."]));
        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (current == Roles.Admin && role != Roles.Admin && await ActiveAdminsAsync(ct) <= 1)
            errors.Add(("Role", l["This is the last admin: make someone else an admin first."]));
        if (current == Roles.Manager && role != Roles.Manager
            && await db.Teams.Where(t => t.ManagerId == id).Select(t => t.Name).FirstOrDefaultAsync(ct) is { } managed)
            errors.Add(("Role", l["{0} manages team {1}: choose another manager for the team first.", user.DisplayName, managed]));
        if (errors.Count > 0) return errors;

        user.DisplayName = name;
        user.TeamId = teamId;
        user.Culture = culture;
        user.TimeZone = timeZone;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return Describe(updated, "");
        if (current != role)
        {
            if (current.Length > 0) await users.RemoveFromRoleAsync(user, current);
            await users.AddToRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user); // the new role applies at the next sign-in check
        }
        return errors;
    }

    public async Task<string?> SetLockedAsync(string id, bool locked, string actingUserId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return l["That user no longer exists."];
        if (locked)
        {
            if (id == actingUserId) return l["You cannot lock yourself out."];
            if (await users.IsInRoleAsync(user, Roles.Admin) && await ActiveAdminsAsync(ct) <= 1) return l["This is the last admin: it cannot be locked."];
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user); // signs them out everywhere
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        return null;
    }

    /// <summary>Sets a new password (typed, or generated when empty); returns it to show once, or the error.</summary>
    public async Task<(string? Password, string? Error)> ResetPasswordAsync(string id, string? password, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return (null, l["That user no longer exists."]);
        password = string.IsNullOrEmpty(password) ? GeneratePassword() : password;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return (null, string.Join(" ", Describe(reset, "").Select(e => e.Message)));
        await users.ResetAccessFailedCountAsync(user);
        return (password, null);
    }

    private Task<int> ActiveAdminsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.UsersInRole(Roles.Admin).CountAsync(u => u.LockoutEnd == null || u.LockoutEnd < now, ct);
    }

    /// <summary>A 14-character password with upper and lower case letters and digits, without look-alikes (0/O, 1/l/I).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[14];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[RandomNumberGenerator.GetInt32(0, 4)] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[RandomNumberGenerator.GetInt32(4, 9)] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[RandomNumberGenerator.GetInt32(9, 14)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }

    private List<(string Field, string Message)> Describe(IdentityResult result, string passwordField) =>
        result.Errors.Select(e => e.Code switch
        {
            "DuplicateEmail" or "DuplicateUserName" => ("Email", l["Someone already uses this email address."]),
            "InvalidEmail" or "InvalidUserName" => ("Email", l["This is not a valid email address."]),
            "PasswordTooShort" => (passwordField, l["A password needs at least 8 characters."]),
            "PasswordRequiresDigit" => (passwordField, l["A password needs a digit."]),
            "PasswordRequiresLower" => (passwordField, l["A password needs a lower-case letter."]),
            "PasswordRequiresUpper" => (passwordField, l["A password needs an upper-case letter."]),
            _ => (passwordField, e.Description),
        }).Distinct().ToList();
}
