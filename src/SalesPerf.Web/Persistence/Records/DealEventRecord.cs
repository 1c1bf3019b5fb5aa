namespace SalesPerf.Web.Persistence.Records;

/// <summary>One event of a deal, in order. (DealId, Sequence) is the key: two writers cannot both append #n.</summary>
public sealed class DealEventRecord
{
    public Guid DealId { get; set; }
    public int Sequence { get; set; }
    public string Type { get; set; } = "";
    public string Data { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
}
