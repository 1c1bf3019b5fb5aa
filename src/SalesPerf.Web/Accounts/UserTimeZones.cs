namespace SalesPerf.Web.Accounts;

/// <summary>The time zone a person reads times in: their own if set and known, else the company's.</summary>
public static class UserTimeZones
{
    /// <summary>What admins can choose from (a sales team abroad, a partner office); null is the company's zone.</summary>
    public static readonly string[] Choices =
    [
        "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo", "Asia/Dubai", "Asia/Kolkata",
        "Europe/London", "Europe/Berlin", "Europe/Moscow", "America/New_York", "America/Los_Angeles", "Australia/Sydney", "UTC",
    ];

    public static bool IsKnown(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo For(AppUser user, TimeZoneInfo company) =>
        user.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : company;
}
