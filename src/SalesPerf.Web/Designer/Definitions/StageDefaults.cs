using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesPerf.Engine.Flows.Elsa;

namespace SalesPerf.Web.Designer.Definitions;

/// <summary>
/// Fills what an admin should not have to invent for a stage dropped into the designer: its key (the stable name
/// deals and reports use) is derived from the activity id when left empty, and the name on its canvas node follows
/// the stage's own name instead of the Studio's "SalesStage7". Everything else comes from the descriptors' defaults,
/// visible in the designer.
/// </summary>
public static partial class StageDefaults
{
    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotKeyChars();

    /// <summary>The name the Studio gives a dropped activity: its type's name and a counter.</summary>
    [GeneratedRegex(@"^SalesStage\d*$")]
    private static partial Regex StudioGeneratedName();

    public static void Apply(JsonObject root)
    {
        if (root["activities"] is not JsonArray activities) return;
        foreach (var activity in activities.OfType<JsonObject>())
        {
            if (activity["type"]?.GetValue<string>() != SalesActivityTypes.SalesStage) continue;
            NameTheNode(activity);
            if (LiteralText(activity, SalesActivityTypes.StageInputs.Key) is { Length: > 0 }) continue;
            var id = activity["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N")[..8];
            SetLiteral(activity, SalesActivityTypes.StageInputs.Key, "stage-" + NotKeyChars().Replace(id.ToLowerInvariant(), "-").Trim('-'));
        }
    }

    private static void NameTheNode(JsonObject activity)
    {
        var name = activity["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        if (name.Length > 0 && !StudioGeneratedName().IsMatch(name)) return; // named by the admin
        var stageName = LiteralText(activity, SalesActivityTypes.StageInputs.NameEn) is { Length: > 0 } en ? en
            : LiteralText(activity, SalesActivityTypes.StageInputs.NameZh);
        if (!string.IsNullOrEmpty(stageName)) activity["name"] = stageName;
    }

    public static string? LiteralText(JsonObject activity, string input) => activity[input] switch
    {
        JsonObject wrapped => wrapped["expression"]?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null,
        JsonValue plain when plain.TryGetValue<string>(out var s) => s.Trim(),
        _ => null,
    };

    public static void SetLiteral(JsonObject activity, string input, string value) =>
        activity[input] = new JsonObject
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
        };
}
