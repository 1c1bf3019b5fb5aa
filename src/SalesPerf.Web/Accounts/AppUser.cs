using Microsoft.AspNetCore.Identity;

namespace SalesPerf.Web.Accounts;

/// <summary>A person who signs in: rep, manager, admin (roles), member of at most one team.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? TeamId { get; set; }
    /// <summary>"zh-CN" or "en"; mails and reports use it.</summary>
    public string Culture { get; set; } = "zh-CN";
    /// <summary>An IANA time zone (e.g. "Europe/London") for the times in this person's mails; null means the company's.</summary>
    public string? TimeZone { get; set; }
}

/// <summary>A sales team; its manager approves its reps' stages and sees their deals.</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? ManagerId { get; set; }
}

public static class Roles
{
    public const string Rep = "rep";
    public const string Manager = "manager";
    public const string Admin = "admin";
    /// <summary>HR / leadership: reads every evaluation report; no deal actions, sees no deals.</summary>
    public const string Hr = "hr";
    public static readonly string[] All = [Rep, Manager, Admin, Hr];
}
