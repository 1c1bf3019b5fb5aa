using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Deals.Notices;

/// <summary>
/// Follow-up work a transition calls for (e.g. mailing the approver of a new submission). It is written in the
/// transition's own transaction, so a crash right after the commit cannot lose it, and carried out by the background
/// worker, so the person who submitted does not wait for it. <see cref="Key"/> is unique: recording it twice is a no-op.
/// </summary>
public sealed record DealNotice(string Kind, string Key, string Data);

/// <summary>Decides whether a transition calls for a notice. Pure and fast: it runs inside the write.</summary>
public interface IDealNoticeRule
{
    DealNotice? NoticeFor(DealTransition transition);
}

/// <summary>Carries out the notices of one kind. Must be idempotent: after a crash a notice is handled again.</summary>
public interface IDealNoticeHandler
{
    string Kind { get; }
    Task HandleAsync(Guid dealId, string data, CancellationToken ct);
}

/// <summary>A notice waiting for the worker.</summary>
public sealed class DealNoticeRecord
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid DealId { get; set; }
    public string Data { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
}
