using System.Text.Json;
using System.Text.Json.Nodes;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;

namespace SalesPerf.Engine.Tests;

/// <summary>The shipped workflow files, and small edits of them or hand-written flowcharts for validation tests.</summary>
internal static class TestFlows
{
    private static readonly Lazy<StageFlow> _default = new(() => FlowCompiler.Compile(DefaultJson).FlowOrThrow());
    private static readonly Lazy<StageFlow> _power = new(() => FlowCompiler.Compile(PowerServiceJson).FlowOrThrow());

    public static string DefaultJson => Read("default-sales-flow.json");
    public static string PowerServiceJson => Read("power-service-flow.json");

    /// <summary>The compiled default flow (first visit → … → contract signed).</summary>
    public static StageFlow Default => _default.Value;
    public static StageFlow PowerService => _power.Value;

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", file));

    /// <summary>The default flow's JSON after an edit of its root flowchart (activities and connections).</summary>
    public static string EditDefault(Action<JsonObject> edit)
    {
        var doc = JsonNode.Parse(DefaultJson)!.AsObject();
        edit(doc["root"]!.AsObject());
        return doc.ToJsonString();
    }

    public static JsonArray Activities(this JsonObject flowchart) => flowchart["activities"]!.AsArray();
    public static JsonArray Connections(this JsonObject flowchart) => flowchart["connections"]!.AsArray();

    public static JsonObject Activity(this JsonObject flowchart, string id) =>
        flowchart.Activities().Select(a => a!.AsObject()).Single(a => (string?)a["id"] == id);

    /// <summary>Sets an Elsa literal input, the way the designer stores it.</summary>
    public static void SetInput(this JsonObject activity, string input, string value) =>
        activity[input] = new JsonObject
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
        };

    public static void RemoveConnection(this JsonObject flowchart, string from, string port)
    {
        var list = flowchart.Connections();
        var found = list.Where(c => (string?)c!["source"]!["activity"] == from && (string?)c["source"]!["port"] == port).ToList();
        Assert.NotEmpty(found);
        foreach (var c in found) list.Remove(c);
    }

    public static void RemoveConnectionsTo(this JsonObject flowchart, string to)
    {
        var list = flowchart.Connections();
        foreach (var c in list.Where(c => (string?)c!["target"]!["activity"] == to).ToList()) list.Remove(c);
    }

    public static void Connect(this JsonObject flowchart, string from, string port, string to) =>
        flowchart.Connections().Add(Connection(from, port, to));

    public static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    // ---- Hand-written minimal flowcharts (plain input values, which the compiler accepts too) ----

    public const string OneTextField = """[{"key":"notes","labelEn":"Notes","type":"text","minLength":5}]""";

    public static JsonObject Start(string id = "start") => new() { ["id"] = id, ["type"] = SalesActivityTypes.DealStart, ["name"] = "New deal" };
    public static JsonObject Won(string id = "won") => new() { ["id"] = id, ["type"] = SalesActivityTypes.Won, ["name"] = "Deal won" };

    public static JsonObject Stage(string key, string deadline = "5d", string reminders = "", string criteria = OneTextField) => new()
    {
        ["id"] = key,
        ["type"] = SalesActivityTypes.SalesStage,
        ["name"] = key,
        ["key"] = key,
        ["nameEn"] = key,
        ["deadline"] = deadline,
        ["reminders"] = reminders,
        ["criteria"] = criteria,
    };

    /// <summary>A flow document with the given activities and connections (from, port, to).</summary>
    public static string Mini(IEnumerable<JsonObject> activities, params (string From, string Port, string To)[] connections)
    {
        var root = new JsonObject
        {
            ["type"] = SalesActivityTypes.Flowchart,
            ["id"] = "flowchart",
            ["activities"] = new JsonArray([.. activities]),
            ["connections"] = new JsonArray([.. connections.Select(c => Connection(c.From, c.Port, c.To))]),
        };
        return new JsonObject { ["definitionId"] = "mini", ["version"] = 1, ["name"] = "Mini", ["root"] = root }.ToJsonString();
    }

    /// <summary>start → one stage → won, with the stage built by the caller.</summary>
    public static string SingleStage(JsonObject stage) =>
        Mini([Start(), stage, Won()], ("start", "Done", (string)stage["id"]!), ((string)stage["id"]!, "Approved", "won"));

    public static StageFlow CompileOrFail(string json)
    {
        var result = FlowCompiler.Compile(json);
        Assert.True(result.IsValid, "expected a valid flow, got:\n" + string.Join("\n", result.Errors));
        return result.Flow!;
    }

    /// <summary>Asserts the flow is refused and that an admin sees exactly this located error.</summary>
    public static FlowError AssertError(string json, string expected)
    {
        var result = FlowCompiler.Compile(json);
        Assert.False(result.IsValid);
        Assert.Null(result.Flow);
        var match = result.Errors.FirstOrDefault(e => e.ToString() == expected);
        Assert.True(match is not null, $"expected the error\n  {expected}\nbut got:\n  " + string.Join("\n  ", result.Errors));
        return match!;
    }

    public static string Pretty(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
