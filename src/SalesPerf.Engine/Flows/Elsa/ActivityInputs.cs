using System.Text.Json;

namespace SalesPerf.Engine.Flows.Elsa;

/// <summary>
/// Reads the literal inputs of one activity in Elsa's JSON shape:
/// <c>"deadline": { "typeName": "String", "expression": { "type": "Literal", "value": "5d" } }</c>.
/// Plain JSON values are accepted too, so hand-written files stay short.
/// </summary>
internal sealed class ActivityInputs(JsonElement activity, string location, string activityId, List<FlowError> errors)
{
    public string? Text(string name)
    {
        if (!activity.TryGetProperty(name, out var input) || input.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return null;
        var value = input;
        if (input.ValueKind == JsonValueKind.Object)
        {
            if (!input.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.Object)
                return null;
            var type = expression.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "Literal";
            if (!string.Equals(type, "Literal", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(location, $"input '{name}' uses a {type} expression; only plain values are supported", activityId));
                return null;
            }
            if (!expression.TryGetProperty("value", out value)) return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    public string TextOrEmpty(string name) => Text(name)?.Trim() ?? "";

    public decimal Decimal(string name, decimal fallback)
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) && d >= 0)
            return d;
        errors.Add(new(location, $"'{name}' must be a number of at least 0, not \"{text}\"", activityId));
        return fallback;
    }
}
