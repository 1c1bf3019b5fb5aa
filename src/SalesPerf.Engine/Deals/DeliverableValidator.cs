using System.Globalization;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Deals;

/// <summary>Checks a deliverable against a stage's completion criteria, field by field.</summary>
public static class DeliverableValidator
{
    public static IReadOnlyList<FieldError> Validate(Stage stage, Deliverable d)
    {
        var errors = new List<FieldError>();
        foreach (var key in d.Values.Keys.Concat(d.Checked.Keys).Concat(d.Files.Select(f => f.FieldKey)).Distinct())
            if (stage.Field(key) is null)
                errors.Add(new(key, "unknown", $"'{key}' is not a field of stage '{stage.Key}'"));

        foreach (var field in stage.Criteria)
        {
            var error = field.Type switch
            {
                FieldType.Checklist => CheckChecklist(field, d.Checked.GetValueOrDefault(field.Key) ?? []),
                FieldType.File => CheckFiles(field, d.Files.Where(f => f.FieldKey == field.Key).ToList()),
                _ => CheckValue(field, d.Values.GetValueOrDefault(field.Key)?.Trim()),
            };
            if (error is not null) errors.Add(error);
        }
        return errors;
    }

    private static FieldError? CheckValue(CompletionField field, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return field.Required ? new(field.Key, "required", $"{field.Label.En} is required") : null;
        switch (field.Type)
        {
            case FieldType.Text when field.MinLength is { } min && value.Length < min:
                return new(field.Key, "tooShort", $"{field.Label.En} needs at least {min} characters (has {value.Length})");
            case FieldType.Number:
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
                    return new(field.Key, "notANumber", $"{field.Label.En} must be a number");
                if (n < field.Min || n > field.Max)
                    return new(field.Key, "outOfRange", $"{field.Label.En} must be between {field.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {field.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}");
                return null;
            case FieldType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return new(field.Key, "notADate", $"{field.Label.En} must be a date (yyyy-MM-dd)");
            case FieldType.Choice when field.Options.All(o => o.Value != value):
                return new(field.Key, "notAnOption", $"{field.Label.En} must be one of: {string.Join(", ", field.Options.Select(o => o.Value))}");
        }
        return null;
    }

    private static FieldError? CheckChecklist(CompletionField field, IReadOnlyList<string> ticked)
    {
        if (ticked.FirstOrDefault(t => field.Options.All(o => o.Value != t)) is { } unknown)
            return new(field.Key, "notAnOption", $"'{unknown}' is not an item of {field.Label.En}");
        var missing = field.Options.Where(o => !ticked.Contains(o.Value)).ToList();
        return field.Required && missing.Count > 0
            ? new(field.Key, "incomplete", $"{field.Label.En}: still to do — {string.Join(", ", missing.Select(m => m.Label.En))}")
            : null;
    }

    private static FieldError? CheckFiles(CompletionField field, List<SubmittedFile> files)
    {
        if (files.Count == 0)
            return field.Required ? new(field.Key, "required", $"{field.Label.En}: attach a file") : null;
        var wrong = files.FirstOrDefault(f => !field.AllowedFileTypes.Contains(Path.GetExtension(f.FileName).TrimStart('.').ToLowerInvariant()));
        return wrong is null ? null
            : new(field.Key, "fileType", $"{wrong.FileName}: {field.Label.En} accepts {string.Join(", ", field.AllowedFileTypes)} files");
    }
}
