namespace SalesPerf.Web.Targets;

public enum TargetFailure { None, Invalid, Forbidden, NotFound, Conflict }

/// <summary>
/// The outcome of a target action: ok (with an optional note such as where a split's remainder went), or why not, with
/// field errors. Messages are the English texts the portal translates (<see cref="Localization.Loc"/>); args fill {0}.
/// </summary>
public sealed record TargetResult(TargetFailure Failure, IReadOnlyDictionary<string, string> Errors, string? Note = null, object[]? NoteArgs = null)
{
    public bool Ok => Failure == TargetFailure.None;
    public string Message => Errors.Values.FirstOrDefault() ?? "";

    public static TargetResult Success(string? note = null, params object[] args) => new(TargetFailure.None, new Dictionary<string, string>(), note, args);
    public static TargetResult Invalid(string field, string message) => new(TargetFailure.Invalid, new Dictionary<string, string> { [field] = message });
    public static TargetResult Invalid(IReadOnlyDictionary<string, string> errors) => new(TargetFailure.Invalid, errors);
    public static TargetResult Forbidden(string message) => new(TargetFailure.Forbidden, new Dictionary<string, string> { [""] = message });
    public static TargetResult NotFound() => new(TargetFailure.NotFound, new Dictionary<string, string> { [""] = "There is no such target, or it is not yours to see." });
    public static TargetResult Conflict(string message) => new(TargetFailure.Conflict, new Dictionary<string, string> { [""] = message });
}
