using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesPerf.Engine.Flows.Elsa;

/// <summary>
/// Parses a stage's completion criteria: a JSON array of fields, e.g.
/// <c>[{"key":"loadProfile","labelZh":"用电负荷","labelEn":"Load profile","type":"text","minLength":30}]</c>.
/// </summary>
internal static partial class CriteriaParser
{
    private static readonly IReadOnlySet<string> KnownFileTypes =
        new HashSet<string>(CompletionField.SupportedFileTypes, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] DefaultFileTypes = ["pdf", "docx", "xlsx"];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    public static partial Regex KeyPattern();

    public static IReadOnlyList<CompletionField> Parse(string? json, string stageLocation, string activityId, List<FlowError> errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors.Add(new(stageLocation, "has no completion criteria: add at least one field the rep must submit", activityId));
            return [];
        }
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e)
        {
            errors.Add(new(stageLocation, $"completion criteria are not valid JSON ({e.Message})", activityId));
            return [];
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new(stageLocation, "completion criteria must be a list of fields", activityId));
                return [];
            }
            if (doc.RootElement.GetArrayLength() == 0)
            {
                errors.Add(new(stageLocation, "has no completion criteria: add at least one field the rep must submit", activityId));
                return [];
            }
            var fields = new List<CompletionField>();
            var index = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                index++;
                var field = ParseField(element, index, stageLocation, activityId, errors);
                if (field is null) continue;
                if (fields.Any(f => f.Key == field.Key))
                    errors.Add(new($"{stageLocation} › field '{field.Key}'", "the field key is used twice in this stage", activityId));
                else
                    fields.Add(field);
            }
            return fields;
        }
    }

    private static CompletionField? ParseField(JsonElement e, int index, string stageLocation, string activityId, List<FlowError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new($"{stageLocation} › field #{index}", "must be an object with a key, a label and a type", activityId));
            return null;
        }
        var key = Str(e, "key");
        var location = $"{stageLocation} › field '{(string.IsNullOrEmpty(key) ? "#" + index : key)}'";
        var ok = true;
        if (string.IsNullOrEmpty(key) || !KeyPattern().IsMatch(key))
        {
            errors.Add(new(location, "needs a key of letters, digits, '-' or '_', starting with a letter", activityId));
            ok = false;
        }
        var typeText = Str(e, "type");
        if (!Enum.TryParse<FieldType>(typeText, ignoreCase: true, out var type) || int.TryParse(typeText, out _))
        {
            errors.Add(new(location, $"unknown field type \"{typeText}\" (use text, number, date, choice, checklist or file)", activityId));
            ok = false;
        }
        var label = new LocalizedText(Str(e, "labelZh") ?? "", Str(e, "labelEn") ?? "");
        if (label.Zh.Length == 0 && label.En.Length == 0)
        {
            errors.Add(new(location, "needs a label (labelZh or labelEn)", activityId));
            ok = false;
        }
        if (!ok) return null;

        var options = ParseOptions(e);
        var field = new CompletionField
        {
            Key = key!,
            Label = label,
            Type = type,
            Required = !e.TryGetProperty("required", out var r) || r.ValueKind != JsonValueKind.False,
            Help = Str(e, "helpZh") is null && Str(e, "helpEn") is null ? null : new LocalizedText(Str(e, "helpZh") ?? "", Str(e, "helpEn") ?? ""),
            MinLength = Int(e, "minLength"),
            Min = Dec(e, "min"),
            Max = Dec(e, "max"),
            Unit = Str(e, "unit"),
            Options = options,
            AllowedFileTypes = type == FieldType.File ? FileTypes(e, location, activityId, errors) : [],
            Template = Str(e, "template"),
        };
        switch (type)
        {
            case FieldType.Choice or FieldType.Checklist when options.Count == 0:
                errors.Add(new(location, $"a {type.ToString().ToLowerInvariant()} needs at least one option", activityId));
                break;
            case FieldType.Number when field.Min > field.Max:
                errors.Add(new(location, $"min {field.Min} is greater than max {field.Max}", activityId));
                break;
            case FieldType.Text when field.MinLength < 0:
                errors.Add(new(location, "minLength cannot be negative", activityId));
                break;
        }
        return field;
    }

    private static IReadOnlyList<string> FileTypes(JsonElement e, string location, string activityId, List<FlowError> errors)
    {
        if (!e.TryGetProperty("fileTypes", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            return DefaultFileTypes;
        var types = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            var t = item.ValueKind == JsonValueKind.String ? item.GetString()!.TrimStart('.').ToLowerInvariant() : item.GetRawText();
            if (KnownFileTypes.Contains(t)) types.Add(t);
            else errors.Add(new(location, $"file type \"{t}\" is not supported (use {string.Join(", ", CompletionField.SupportedFileTypes)})", activityId));
        }
        return types;
    }

    private static IReadOnlyList<LocalizedOption> ParseOptions(JsonElement e)
    {
        var name = e.TryGetProperty("options", out _) ? "options" : "items";
        if (!e.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return [];
        var options = new List<LocalizedOption>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                var text = item.GetString()!;
                options.Add(new(text, new(text, text)));
            }
            else if (item.ValueKind == JsonValueKind.Object && Str(item, "value") is { Length: > 0 } value)
            {
                options.Add(new(value, new(Str(item, "zh") ?? value, Str(item, "en") ?? value)));
            }
        }
        return options;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()?.Trim(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static int? Int(JsonElement e, string name) =>
        int.TryParse(Str(e, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static decimal? Dec(JsonElement e, string name) =>
        decimal.TryParse(Str(e, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
