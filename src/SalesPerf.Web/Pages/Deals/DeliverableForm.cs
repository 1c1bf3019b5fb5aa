using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Files;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>A deliverable as posted by the generated form: values "v.{key}", ticked items "c.{key}", files "f.{key}", kept uploads "keep.{key}".</summary>
public sealed class DeliverableForm
{
    public Dictionary<string, string> Values { get; } = [];
    public Dictionary<string, List<string>> Checked { get; } = [];
    public Dictionary<string, List<Guid>> Kept { get; } = [];

    public string? Value(string key) => Values.GetValueOrDefault(key);
    public int FileCount(string key) => Kept.GetValueOrDefault(key)?.Count ?? 0;

    public static DeliverableForm Read(IFormCollection form, Stage stage)
    {
        var f = new DeliverableForm();
        foreach (var field in stage.Criteria)
        {
            if (field.Type == FieldType.Checklist) f.Checked[field.Key] = form[$"c.{field.Key}"].Where(v => v is not null).Select(v => v!).ToList();
            else if (field.Type == FieldType.File)
                f.Kept[field.Key] = form[$"keep.{field.Key}"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            else if (form[$"v.{field.Key}"].ToString() is { Length: > 0 } v) f.Values[field.Key] = v.Trim();
        }
        return f;
    }
}

/// <summary>The stage's completion criteria as FluentValidation rules, with messages in the viewer's language.</summary>
// Internal: built per stage, so the assembly scan (public validators only) must not register it.
internal sealed class DeliverableFormValidator : AbstractValidator<DeliverableForm>
{
    public DeliverableFormValidator(Stage stage, Loc l)
    {
        foreach (var field in stage.Criteria)
        {
            var key = field.Key;
            var label = l.Pick(field.Label);
            switch (field.Type)
            {
                case FieldType.Checklist:
                    RuleFor(x => x.Checked.GetValueOrDefault(key) ?? new List<string>())
                        .Must(t => !field.Required || field.Options.All(o => t.Contains(o.Value)))
                        .WithMessage(l["{0}: tick every item once it is done.", label]).OverridePropertyName(key);
                    break;
                case FieldType.File:
                    RuleFor(x => x.FileCount(key))
                        .Must(n => !field.Required || n > 0).WithMessage(l["{0}: attach a file.", label]).OverridePropertyName(key);
                    break;
                default:
                    RuleFor(x => x.Value(key)).Cascade(CascadeMode.Stop)
                        .Must(v => !field.Required || !string.IsNullOrWhiteSpace(v)).WithMessage(l["{0} is required.", label])
                        .Must(v => IsValid(field, v)).WithMessage((_, v) => Problem(field, v, label, l) ?? "").OverridePropertyName(key);
                    break;
            }
        }
    }

    private static bool IsValid(CompletionField f, string? v) => string.IsNullOrWhiteSpace(v) || Problem(f, v, "", null) is null;

    private static string? Problem(CompletionField f, string? v, string label, Loc? l)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        string T(string en, params object?[] args) => l is null ? en : l[en, args];
        switch (f.Type)
        {
            case FieldType.Text when f.MinLength is { } min && v.Length < min:
                return T("{0} needs at least {1} characters (now {2}).", label, min, v.Length);
            case FieldType.Text when v.Length > 20_000:
                return T("At most {0} characters.", 20_000);
            case FieldType.Number:
                if (!decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return T("{0} must be a number.", label);
                if (n < f.Min || n > f.Max)
                    return T("{0} must be between {1} and {2}.", label, f.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞", f.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞");
                return null;
            case FieldType.Date when !DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return T("{0} must be a date.", label);
            case FieldType.Choice when f.Options.All(o => o.Value != v):
                return T("{0}: choose one of the options.", label);
        }
        return null;
    }
}

/// <summary>Checks an uploaded file before it is stored, with messages in the viewer's language.</summary>
public static class UploadCheck
{
    public static async Task<string?> ProblemAsync(IFormFile file, CompletionField field, Loc l, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        var ext = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        if (name.Length is 0 or > 200) return l["The file needs a name of at most 200 characters."];
        if (file.Length == 0) return l["{0} is empty.", name];
        if (file.Length > FileStore.MaxBytes) return l["{0} is larger than {1} MB.", name, FileStore.MaxBytes / 1024 / 1024];
        if (!field.AllowedFileTypes.Contains(ext)) return l["{0}: only {1} files are accepted here.", name, string.Join(", ", field.AllowedFileTypes)];
        var head = new byte[16];
        await using var s = file.OpenReadStream();
        var read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (!FileSniffer.Matches(ext, head.AsSpan(0, read))) return l["{0} is not really a .{1} file.", name, ext];
        if (OfficePackage.IsPackage(ext))
        {
            s.Position = 0;
            if (OfficePackage.Check(s) is not null) return l["{0} is not a valid Office document (damaged, or unpacks too large).", name];
        }
        return null;
    }
}
