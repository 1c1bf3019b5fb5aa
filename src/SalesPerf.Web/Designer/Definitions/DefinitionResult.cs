using SalesPerf.Engine.Flows;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Designer.Definitions;

public enum DefinitionProblem { None, NotFound, Invalid, Stale, Conflict }

/// <summary>The outcome of a definition command: the row it left, or why not (with located errors when invalid).</summary>
public sealed record DefinitionResult(FlowDefinitionRecord? Row, DefinitionProblem Problem = DefinitionProblem.None,
    string? Message = null, IReadOnlyList<FlowError>? Errors = null, bool AlreadyPublished = false)
{
    public bool Succeeded => Problem == DefinitionProblem.None;
    public static DefinitionResult Ok(FlowDefinitionRecord row, bool alreadyPublished = false) => new(row, AlreadyPublished: alreadyPublished);
    public static DefinitionResult Fail(DefinitionProblem problem, string message, IReadOnlyList<FlowError>? errors = null, FlowDefinitionRecord? row = null) =>
        new(row, problem, message, errors);
}
