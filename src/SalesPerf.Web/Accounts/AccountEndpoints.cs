using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace SalesPerf.Web.Accounts;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record Me(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? TeamId, string Culture);

/// <summary>Cookie sign-in for API clients (the portal signs in through its login page).</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");

        auth.MapPost("/login", async (LoginRequest body, SignInManager<AppUser> signIn) =>
        {
            var result = await signIn.PasswordSignInAsync(body.Email ?? "", body.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return Results.NoContent();
            return Results.Problem(statusCode: 401, title: result.IsLockedOut
                ? "This account is locked after too many failed sign-ins; try again in 15 minutes."
                : "Wrong email or password.");
        }).AllowAnonymous().WithSummary("Sign in; sets the session cookie");

        auth.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization().WithSummary("Sign out");

        app.MapGet("/api/me", async (ClaimsPrincipal principal, UserManager<AppUser> users) =>
        {
            var user = await users.GetUserAsync(principal);
            if (user is null) return Results.Unauthorized();
            var roles = await users.GetRolesAsync(user);
            return Results.Ok(new Me(user.Id, user.Email ?? "", user.DisplayName, roles.ToList(), user.TeamId, user.Culture));
        }).RequireAuthorization().WithTags("Accounts").WithSummary("Who is signed in");
    }
}
