namespace SalesPerf.Engine.Deals;

public enum DealErrorKind
{
    /// <summary>The request itself is wrong (bad field values, unknown stage).</summary>
    Invalid,
    /// <summary>The actor may see the deal but not do this.</summary>
    Forbidden,
    /// <summary>The deal is not in a state where this makes sense (someone else acted first, deal closed…).</summary>
    Conflict,
}

public sealed record FieldError(string Field, string Code, string Message);

public sealed record DealError(DealErrorKind Kind, string Code, string Message, IReadOnlyList<FieldError>? Fields = null)
{
    public static DealError Invalid(string code, string message, IReadOnlyList<FieldError>? fields = null) => new(DealErrorKind.Invalid, code, message, fields);
    public static DealError Forbidden(string code, string message) => new(DealErrorKind.Forbidden, code, message);
    public static DealError Conflict(string code, string message) => new(DealErrorKind.Conflict, code, message);
    public override string ToString() => $"{Kind} {Code}: {Message}";
}
