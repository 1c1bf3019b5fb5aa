namespace SalesPerf.Web.Notifications;

public enum SmtpTls { None, StartTls, SslOnConnect, Auto }

/// <summary>The "SalesPerf:Mail" configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "SalesPerf:Mail";

    /// <summary>SMTP server; empty keeps every message in the outbox (shown on the admin mailbox page).</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public SmtpTls SmtpTls { get; set; } = SmtpTls.Auto;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string FromAddress { get; set; } = "salesperf@localhost";
    public string FromName { get; set; } = "SalesPerf";
    /// <summary>Base address for links in mails, e.g. https://salesperf.example.com.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>How long an approval link works.</summary>
    public TimeSpan ApprovalLinkLifetime { get; set; } = TimeSpan.FromDays(5);
    /// <summary>When true, deciding from a mail link also needs the approver to be signed in.</summary>
    public bool ApprovalLinkRequiresSignIn { get; set; }
    /// <summary>How often the background worker sweeps due reminders and sends the outbox.</summary>
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(15);
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>When the weekly digest (绩效周报) goes out, in the company's time zone.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;
    public TimeSpan DigestTime { get; set; } = TimeSpan.FromHours(8);
}
