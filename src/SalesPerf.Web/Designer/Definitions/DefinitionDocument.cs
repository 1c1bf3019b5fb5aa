using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Designer.Definitions;

/// <summary>
/// The JSON of one stored flow version, in the shape Elsa Studio reads and writes. What is stored is the definition
/// the Studio sent (or a shipped file); the version fields come from the row, so they can never disagree with it.
/// </summary>
public static class DefinitionDocument
{
    /// <summary>Where the Studio carries the revision a save was based on (it sends custom properties back untouched).</summary>
    public const string RevisionProperty = "salesperfRevision";

    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in git diffs
    };

    /// <summary>The properties of a definition, in Elsa's order: exports keep it so files diff cleanly.</summary>
    private static readonly string[] Order =
    [
        "id", "definitionId", "name", "description", "createdAt", "version", "toolVersion", "variables", "inputs", "outputs",
        "outcomes", "customProperties", "isReadonly", "isSystem", "isLatest", "isPublished", "options", "root",
    ];

    public static string VersionId(string definitionId, int version) => $"{definitionId}-v{version}";

    public static bool TryParseVersionId(string id, out string definitionId, out int version)
    {
        var at = id.LastIndexOf("-v", StringComparison.Ordinal);
        definitionId = at > 0 ? id[..at] : "";
        version = 0;
        return at > 0 && int.TryParse(id.AsSpan(at + 2), out version) && version > 0;
    }

    /// <summary>A hash of the stored JSON: changes whenever anyone saves the version.</summary>
    public static string Revision(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];

    /// <summary>The definition as the Studio's API answers it: row fields, links (the Studio is read-only without "publish").</summary>
    public static JsonObject ForStudio(FlowDefinitionRecord row, string apiBase)
    {
        var doc = WithRowFields(row);
        var custom = doc["customProperties"] as JsonObject ?? [];
        custom[RevisionProperty] = Revision(row.Json);
        doc["customProperties"] = custom;
        doc["materializerName"] = "Json";
        var self = $"{apiBase}/workflow-definitions/{row.DefinitionId}";
        doc["links"] = new JsonArray(
            Link(self, "self", "GET"), Link($"{self}/publish", "publish", "POST"),
            Link($"{self}/retract", "retract", "POST"), Link(self, "delete", "DELETE"));
        return doc;
    }

    /// <summary>The stored definition with the row's version fields, in Elsa's property order, canonically formatted.</summary>
    public static string Export(FlowDefinitionRecord row) => WithRowFields(row).ToJsonString(Canonical) + "\n";

    public static JsonObject Summary(FlowDefinitionRecord row) => new()
    {
        ["id"] = VersionId(row.DefinitionId, row.Version), ["definitionId"] = row.DefinitionId, ["name"] = row.Name,
        ["description"] = (JsonNode.Parse(row.Json) as JsonObject)?["description"]?.DeepClone(), ["version"] = row.Version,
        ["toolVersion"] = "3.8.0.0", ["isLatest"] = row.IsLatest, ["isPublished"] = row.IsPublished, ["isReadonly"] = false,
        ["isSystem"] = false, ["materializerName"] = "Json", ["createdAt"] = row.CreatedAt,
    };

    /// <summary>
    /// What is stored for a model the Studio (or an import) sent: the definition without version fields, links or our
    /// revision marker, formatted canonically so that saving the same model twice stores the same bytes.
    /// </summary>
    public static string ToStored(JsonObject model, string definitionId, string name)
    {
        var doc = Ordered(model);
        foreach (var transient in new[] { "links", "materializerName", "providerName", "materializerContext" }) doc.Remove(transient);
        doc["definitionId"] = definitionId;
        doc["name"] = name;
        if (doc["customProperties"] is JsonObject custom) custom.Remove(RevisionProperty);
        return doc.ToJsonString(Canonical);
    }

    private static JsonObject WithRowFields(FlowDefinitionRecord row)
    {
        var doc = JsonNode.Parse(row.Json) as JsonObject ?? [];
        doc["id"] = VersionId(row.DefinitionId, row.Version);
        doc["definitionId"] = row.DefinitionId;
        doc["name"] = row.Name;
        doc["version"] = row.Version;
        doc["isLatest"] = row.IsLatest;
        doc["isPublished"] = row.IsPublished;
        doc["createdAt"] ??= row.CreatedAt;
        return Ordered(doc);
    }

    private static JsonObject Ordered(JsonObject source)
    {
        var ordered = new JsonObject();
        foreach (var name in Order.Where(source.ContainsKey)) ordered[name] = source[name]?.DeepClone();
        foreach (var (name, value) in source.Where(p => !Order.Contains(p.Key))) ordered[name] = value?.DeepClone();
        return ordered;
    }

    private static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };
}
