using System.Text.Json.Nodes;
using SalesPerf.Web.Designer.Definitions;

namespace SalesPerf.Web.Tests.Designer;

/// <summary>What the server fills in for a stage the admin dropped on the canvas and only partly filled in.</summary>
public sealed class StageDefaultsTests
{
    [Fact]
    public void A_dropped_stage_gets_a_key_and_its_node_shows_the_stage_name_instead_of_the_studio_counter()
    {
        var stage = Stage("SalesStage7", nameEn: "Site survey", nameZh: "现场勘查");
        StageDefaults.Apply(Root(stage));
        Assert.Equal("Site survey", stage["name"]!.GetValue<string>());
        Assert.Equal("stage-salesstage7-id", StageDefaults.LiteralText(stage, "key"));
    }

    [Fact]
    public void A_stage_with_only_a_chinese_name_shows_that_and_a_node_named_by_the_admin_keeps_its_name()
    {
        var chineseOnly = Stage("SalesStage2", nameEn: "", nameZh: "现场勘查");
        var named = Stage("Survey (north region)", nameEn: "Site survey", nameZh: "现场勘查", key: "site-survey");
        StageDefaults.Apply(Root(chineseOnly, named));
        Assert.Equal("现场勘查", chineseOnly["name"]!.GetValue<string>());
        Assert.Equal("Survey (north region)", named["name"]!.GetValue<string>());
        Assert.Equal("site-survey", StageDefaults.LiteralText(named, "key"));
    }

    private static JsonObject Root(params JsonObject[] stages) => new() { ["activities"] = new JsonArray(stages) };

    private static JsonObject Stage(string name, string nameEn, string nameZh, string key = "")
    {
        var stage = new JsonObject { ["id"] = name.ToLowerInvariant() + "-id", ["name"] = name, ["type"] = "SalesPerf.SalesStage" };
        StageDefaults.SetLiteral(stage, "nameEn", nameEn);
        StageDefaults.SetLiteral(stage, "nameZh", nameZh);
        StageDefaults.SetLiteral(stage, "key", key);
        return stage;
    }
}
