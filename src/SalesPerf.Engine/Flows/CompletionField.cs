namespace SalesPerf.Engine.Flows;

public enum FieldType { Text, Number, Date, Choice, Checklist, File }

/// <summary>One thing a rep must (or may) submit to complete a stage.</summary>
public sealed record CompletionField
{
    /// <summary>The file types a stage may ask for, in the order the designer offers them.</summary>
    public static readonly IReadOnlyList<string> SupportedFileTypes = ["pdf", "doc", "docx", "xls", "xlsx", "csv", "ppt", "pptx", "jpg", "jpeg", "png"];

    public required string Key { get; init; }
    public required LocalizedText Label { get; init; }
    public required FieldType Type { get; init; }
    public bool Required { get; init; } = true;
    public LocalizedText? Help { get; init; }
    /// <summary>Text: minimum number of characters.</summary>
    public int? MinLength { get; init; }
    /// <summary>Number: inclusive range and the unit shown next to the input.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? Unit { get; init; }
    /// <summary>Choice options or checklist items.</summary>
    public IReadOnlyList<LocalizedOption> Options { get; init; } = [];
    /// <summary>File: allowed extensions without dot (pdf, xlsx, docx…) and an optional template file name.</summary>
    public IReadOnlyList<string> AllowedFileTypes { get; init; } = [];
    public string? Template { get; init; }
}
