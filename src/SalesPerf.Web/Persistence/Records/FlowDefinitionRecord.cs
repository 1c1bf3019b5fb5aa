namespace SalesPerf.Web.Persistence.Records;

/// <summary>One version of an Elsa-format workflow definition (a stage flow), draft or published.</summary>
public sealed class FlowDefinitionRecord
{
    public long Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Json { get; set; } = "";
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A day that differs from the Monday–Friday rule: a public holiday or a make-up working day.</summary>
public sealed class CalendarDayRecord
{
    public DateOnly Date { get; set; }
    public bool IsWorkday { get; set; }
    public string Name { get; set; } = "";
}
