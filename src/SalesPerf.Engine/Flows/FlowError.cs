namespace SalesPerf.Engine.Flows;

/// <summary>A problem in a workflow definition, located so an admin can find and fix it.</summary>
/// <param name="Location">e.g. "stage 'needs-analysis'", "stage 'demo' › field 'attendees'", "connection a1 → a9"</param>
/// <param name="ActivityId">the designer activity to highlight, when there is one</param>
public sealed record FlowError(string Location, string Message, string? ActivityId = null)
{
    public override string ToString() => $"{Location}: {Message}";
}

public sealed class FlowCompilation
{
    private FlowCompilation(StageFlow? flow, IReadOnlyList<FlowError> errors) { Flow = flow; Errors = errors; }

    public StageFlow? Flow { get; }
    public IReadOnlyList<FlowError> Errors { get; }
    public bool IsValid => Flow is not null;

    public static FlowCompilation Success(StageFlow flow) => new(flow, []);
    public static FlowCompilation Failure(IReadOnlyList<FlowError> errors) => new(null, errors);

    public StageFlow FlowOrThrow() => Flow ?? throw new InvalidFlowException(Errors);
}

public sealed class InvalidFlowException(IReadOnlyList<FlowError> errors)
    : Exception("The stage flow is invalid:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<FlowError> Errors { get; } = errors;
}
