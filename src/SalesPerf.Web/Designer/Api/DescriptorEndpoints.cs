using System.Text.Json.Nodes;

namespace SalesPerf.Web.Designer.Api;

/// <summary>
/// The read-only endpoints the Studio calls while loading and editing: descriptors, features, strategies. Only
/// literal values are offered as expressions. Strategy lists are empty: SalesPerf runs deals itself.
/// </summary>
internal static class DescriptorEndpoints
{
    private static readonly JsonArray Activities = ActivityDescriptors.All();

    private static JsonObject Hidden(string type) => new()
    {
        ["type"] = type, ["displayName"] = type, ["isSerializable"] = true, ["isBrowsable"] = false, ["properties"] = new JsonObject(),
    };

    public static void MapDescriptorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/descriptors/activities", () => StudioResults.List(Activities.Select(a => a!.DeepClone())));

        api.MapGet("/descriptors/expression-descriptors", () => StudioResults.List(
        [
            new JsonObject
            {
                ["type"] = "Literal", ["displayName"] = "Value", ["isSerializable"] = true, ["isBrowsable"] = true,
                ["properties"] = new JsonObject(),
            },
            // Never offered (not browsable): the Studio's expression editor looks these two up by name when it opens.
            Hidden("Object"),
            Hidden("JavaScript"),
        ]));

        foreach (var empty in new[]
                 {
                     "/descriptors/workflow-activation-strategies", "/descriptors/log-persistence-strategies", "/descriptors/incident-strategies",
                     "/descriptors/commit-strategies/workflows", "/descriptors/commit-strategies/activities", "/descriptors/storage-drivers",
                     "/descriptors/variables", "/descriptors/resilience-strategies",
                 })
            api.MapGet(empty, () => StudioResults.List([]));

        api.MapGet("/features/installed", () => StudioResults.List(
        [
            new JsonObject
            {
                ["name"] = "Workflows", ["namespace"] = "Elsa", ["fullName"] = "Elsa.Workflows", ["displayName"] = "Workflows",
                ["description"] = "SalesPerf stage flows",
            },
        ]));

        api.MapGet("/package/version", () => Results.Json(new { packageVersion = "3.8.2" }));

        // No scripting in SalesPerf flows: the editor asks anyway when it opens a definition.
        api.MapPost("/scripting/javascript/type-definitions/{definitionId}", () => Results.Text("", "text/plain"));
    }
}
