using System.Text.Json.Nodes;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Designer;

/// <summary>Edits a definition the way the Studio sends it back (JSON surgery on the loaded model).</summary>
internal static class StudioModels
{
    public const string Defs = "/elsa/api/workflow-definitions";

    public static async Task<JsonObject> LoadAsync(ApiClient admin, string id = "default-sales-flow") =>
        (await admin.GetJsonAsync($"{Defs}/by-definition-id/{id}?versionOptions=Latest")).AsObject();

    public static JsonObject Save(JsonObject model, bool publish = false) => new() { ["model"] = model.DeepClone(), ["publish"] = publish };

    public static JsonArray Activities(this JsonObject model) => model["root"]!["activities"]!.AsArray();
    public static JsonArray Connections(this JsonObject model) => model["root"]!["connections"]!.AsArray();

    public static JsonObject Activity(this JsonObject model, string id) => model.Activities().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();

    public static void SetInput(this JsonObject activity, string input, string value) =>
        activity[input] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    public static void Disconnect(this JsonObject model, string from, string port, string to)
    {
        var edge = model.Connections().Single(c => c!["source"]!["activity"]!.GetValue<string>() == from
            && c["source"]!["port"]!.GetValue<string>() == port && c["target"]!["activity"]!.GetValue<string>() == to);
        model.Connections().Remove(edge);
    }

    public static void Connect(this JsonObject model, string from, string port, string to) =>
        model.Connections().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
            ["vertices"] = new JsonArray(),
        });

    /// <summary>The example: a site survey between the needs analysis and the demo.</summary>
    public static JsonObject WithSiteSurvey(this JsonObject model, string deadline = "3bd")
    {
        var stage = new JsonObject { ["id"] = "site-survey", ["name"] = "Site survey", ["type"] = "SalesPerf.SalesStage", ["version"] = 1 };
        stage.SetInput("key", "site-survey");
        stage.SetInput("nameZh", "现场勘查");
        stage.SetInput("nameEn", "Site survey");
        stage.SetInput("deadline", deadline);
        stage.SetInput("criteria", """[{"key": "surveyReport", "labelZh": "勘查报告", "labelEn": "Site survey report", "type": "file", "fileTypes": ["pdf"]}]""");
        model.Activities().Add(stage);
        model.Disconnect("needs-analysis", "Approved", "solution-demo");
        model.Connect("needs-analysis", "Approved", "site-survey");
        model.Connect("site-survey", "Approved", "solution-demo");
        return model;
    }
}
