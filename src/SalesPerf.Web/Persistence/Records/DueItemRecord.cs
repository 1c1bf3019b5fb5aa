using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Web.Persistence.Records;

public enum DueState { Pending, Done, Cancelled }

/// <summary>
/// A deadline, reminder or escalation at an absolute instant. Workers ask "pending and due before T" through
/// the (State, DueAt) index; (DealId, StageKey, Run, ItemKey) is unique so nothing is scheduled twice.
/// </summary>
public sealed class DueItemRecord
{
    public long Id { get; set; }
    public Guid DealId { get; set; }
    public string StageKey { get; set; } = "";
    public int Run { get; set; }
    public string ItemKey { get; set; } = "";
    public DueKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DueState State { get; set; }
    public string RepId { get; set; } = "";
}
