namespace SalesPerf.Web.Notifications;

/// <summary>
/// A mail waiting to be sent, or sent. <see cref="DedupKey"/> is unique (e.g. "due:{deal}:{stage}:{run}:{item}"), so no
/// restart, retry or second app node queues the same mail twice; the sender leases a row before sending it.
/// </summary>
public sealed class OutboxMessageRecord
{
    public Guid Id { get; set; }
    public string DedupKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? RecipientId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    /// <summary>An iCalendar file for the deadline (reminders), or null.</summary>
    public string? Ics { get; set; }
    public Guid? DealId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>A secret the app generates once and shares between its nodes through the database (e.g. the link-signing key).</summary>
public sealed class AppSecretRecord
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
