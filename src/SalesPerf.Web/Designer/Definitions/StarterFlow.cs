using System.Text.Json.Nodes;
using SalesPerf.Web.Designer.Api;
using static SalesPerf.Engine.Flows.Elsa.SalesActivityTypes;

namespace SalesPerf.Web.Designer.Definitions;

/// <summary>What "create flow" starts from: a valid flow of one stage (new deal → first stage → won), ready to extend.</summary>
public static class StarterFlow
{
    public static JsonObject Model(string name) => new()
    {
        ["name"] = name,
        ["description"] = "",
        ["toolVersion"] = "3.8.0.0",
        ["variables"] = new JsonArray(), ["inputs"] = new JsonArray(), ["outputs"] = new JsonArray(), ["outcomes"] = new JsonArray(),
        ["customProperties"] = new JsonObject(),
        ["isReadonly"] = false, ["isSystem"] = false,
        ["options"] = new JsonObject { ["autoUpdateConsumingWorkflows"] = false },
        ["root"] = new JsonObject
        {
            ["type"] = Flowchart, ["id"] = "flowchart", ["version"] = 1, ["name"] = "Flowchart1",
            ["customProperties"] = new JsonObject(), ["metadata"] = new JsonObject(),
            ["activities"] = new JsonArray(
                Activity("start", DealStart, "New deal", -240, []),
                Activity("first-stage", SalesStage, "First stage", 0,
                [
                    ("key", "first-stage"), ("nameZh", "首次拜访"), ("nameEn", "First visit"), ("criteria", ActivityDescriptors.DefaultCriteria),
                    ("deadline", "5bd"), ("reminders", "-1d"), ("approver", "RepManager"),
                ]),
                Activity("won", Won, "Deal won", 300, [])),
            ["connections"] = new JsonArray(Connection("start", Ports.Done, "first-stage"), Connection("first-stage", Ports.Approved, "won")),
        },
    };

    private static JsonObject Activity(string id, string type, string name, int x, (string Input, string Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id, ["nodeId"] = $"Workflow1:flowchart:{id}", ["name"] = name, ["type"] = type, ["version"] = 1,
            ["customProperties"] = new JsonObject(),
            ["metadata"] = new JsonObject
            {
                ["designer"] = new JsonObject
                {
                    ["position"] = new JsonObject { ["x"] = x, ["y"] = 0 },
                    ["size"] = new JsonObject { ["width"] = 200, ["height"] = 70 },
                },
            },
        };
        foreach (var (input, value) in inputs) StageDefaults.SetLiteral(activity, input, value);
        return activity;
    }

    private static JsonObject Connection(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = Ports.In },
        ["vertices"] = new JsonArray(),
    };
}
