using System.Text.Json;
using static SalesPerf.Engine.Flows.Elsa.SalesActivityTypes;

namespace SalesPerf.Engine.Flows.Elsa;

/// <summary>
/// Compiles an Elsa workflow definition (a Flowchart of SalesPerf activities) into a <see cref="StageFlow"/>,
/// or into a list of located errors. Never throws on bad input.
/// </summary>
public static class FlowCompiler
{
    /// <summary>Compiles a full definition document (as exported by Elsa Studio, or a bare flowchart root).</summary>
    public static FlowCompilation Compile(string definitionJson, string? definitionId = null, int? version = null)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(definitionJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return FlowCompilation.Failure([new("definition", $"is not valid JSON{where}")]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return FlowCompilation.Failure([new("definition", "must be a JSON object")]);
            var flowchart = root.TryGetProperty("root", out var r) ? r : root;
            var id = definitionId ?? StringProp(root, "definitionId") ?? "flow";
            var ver = version ?? (root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 1);
            var name = StringProp(root, "name") ?? id;
            var nameZh = root.TryGetProperty("customProperties", out var custom) ? StringProp(custom, "nameZh") : null;
            return Compile(flowchart, id, ver, new LocalizedText(nameZh ?? name, name));
        }
    }

    public static FlowCompilation Compile(JsonElement flowchart, string definitionId, int version, LocalizedText name)
    {
        var errors = new List<FlowError>();
        if (flowchart.ValueKind != JsonValueKind.Object || StringProp(flowchart, "type") != Flowchart)
            return FlowCompilation.Failure([new("definition", $"the root activity must be an {Flowchart}")]);
        if (!flowchart.TryGetProperty("activities", out var activitiesJson) || activitiesJson.ValueKind != JsonValueKind.Array)
            return FlowCompilation.Failure([new("definition", "the flowchart has no activities")]);

        var nodes = ReadNodes(activitiesJson, errors);
        var edges = ReadConnections(flowchart, nodes, errors);
        var graph = new FlowGraph(nodes, edges, errors);
        var flow = graph.Build(definitionId, version, name);
        return errors.Count == 0 && flow is not null ? FlowCompilation.Success(flow) : FlowCompilation.Failure(errors);
    }

    private static List<FlowNode> ReadNodes(JsonElement activitiesJson, List<FlowError> errors)
    {
        var nodes = new List<FlowNode>();
        var index = 0;
        foreach (var a in activitiesJson.EnumerateArray())
        {
            index++;
            var id = StringProp(a, "id");
            var type = StringProp(a, "type") ?? "";
            var label = StringProp(a, "name") ?? id ?? $"#{index}";
            if (string.IsNullOrEmpty(id))
            {
                errors.Add(new($"activity #{index}", "has no id"));
                continue;
            }
            if (nodes.Any(n => n.Id == id))
            {
                errors.Add(new($"activity '{label}'", $"the activity id '{id}' is used twice", id));
                continue;
            }
            if (!All.Contains(type))
            {
                errors.Add(new($"activity '{label}'", $"unknown activity type \"{type}\" (SalesPerf flows use a deal start, sales stages and a won end)", id));
                continue;
            }
            var stage = type == SalesStage ? StageReader.Read(a, id, errors) : null;
            nodes.Add(new FlowNode(id, type, label, stage));
        }
        return nodes;
    }

    private static List<FlowEdge> ReadConnections(JsonElement flowchart, List<FlowNode> nodes, List<FlowError> errors)
    {
        var edges = new List<FlowEdge>();
        if (!flowchart.TryGetProperty("connections", out var list) || list.ValueKind != JsonValueKind.Array) return edges;
        var ids = nodes.Select(n => n.Id).ToHashSet();
        foreach (var c in list.EnumerateArray())
        {
            var isObject = c.ValueKind == JsonValueKind.Object;
            var source = isObject && c.TryGetProperty("source", out var s) ? s : default;
            var target = isObject && c.TryGetProperty("target", out var t) ? t : default;
            var from = source.ValueKind == JsonValueKind.Object ? StringProp(source, "activity") : StringProp(c, "source");
            var port = source.ValueKind == JsonValueKind.Object ? StringProp(source, "port") : StringProp(c, "sourcePort");
            var to = target.ValueKind == JsonValueKind.Object ? StringProp(target, "activity") : StringProp(c, "target");
            if (from is null || to is null)
            {
                errors.Add(new("connection", "has no source or target activity"));
                continue;
            }
            if (!ids.Contains(from) || !ids.Contains(to))
            {
                // A connection to an activity already reported (unknown type, no id) adds nothing new.
                if (errors.Count == 0)
                    errors.Add(new($"connection {from} → {to}", "refers to an activity that does not exist"));
                continue;
            }
            edges.Add(new FlowEdge(from, port ?? Ports.Done, to));
        }
        return edges;
    }

    internal static string? StringProp(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

internal sealed record FlowNode(string Id, string Type, string Label, Stage? Stage);
internal sealed record FlowEdge(string From, string Port, string To);
