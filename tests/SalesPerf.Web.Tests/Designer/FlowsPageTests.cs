using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SalesPerf.Web.Tests.Admin;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Designer.StudioModels;

namespace SalesPerf.Web.Tests.Designer;

/// <summary>The admin's flows list and migration page speak the admin's language (zh-CN or English), not both at once.</summary>
public sealed partial class FlowsPageTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ApiClient _zh = null!, _en = null!;

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _zh = await _app.SignInAsync("admin");
        _zh.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        _en = await _app.SignInEnAsync("admin");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task The_flows_list_is_in_Chinese_for_a_Chinese_admin_and_in_English_for_an_English_one()
    {
        var zh = WebUtility.HtmlDecode(await _zh.HtmlAsync("/Admin/Flows"));
        foreach (var text in new[] { "<h1>销售流程</h1>", "新建流程", "已发布版本", "草稿版本", "各版本进行中商机", "v1 有效", ">编辑<", ">导出<", ">复制<" })
            Assert.Contains(text, zh);
        foreach (var text in new[] { "Stage flows", "Create flow", "Draft", "Published", "v1 valid", ">Edit<" })
            Assert.DoesNotContain(text, zh);

        var en = WebUtility.HtmlDecode(await _en.HtmlAsync("/Admin/Flows"));
        foreach (var text in new[] { "<h1>Stage flows</h1>", "Create flow", "Published version", "Draft version", "Running deals per version", "v1 valid", ">Edit<", ">Duplicate<" })
            Assert.Contains(text, en);
        Assert.DoesNotContain("草稿", en);
        Assert.DoesNotContain("新建", en);
    }

    [Fact]
    public async Task The_flows_lists_messages_follow_the_admins_language()
    {
        var bad = await _zh.PostMultipartAsync("/Admin/Flows?handler=Import", [], [("file", "bad.json", Encoding.UTF8.GetBytes("{ \"root\": "))]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("“bad.json”不是有效的 JSON（第 1 行）。", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var notAFlow = await _en.PostMultipartAsync("/Admin/Flows?handler=Import", [], [("file", "list.json", "[]"u8.ToArray())]);
        Assert.Contains("'list.json' is not a flow definition (a JSON object).", WebUtility.HtmlDecode(await notAFlow.Content.ReadAsStringAsync()));

        var unknown = await _zh.PostMultipartAsync("/Admin/Flows?handler=Import", [],
            [("file", "odd.json", Encoding.UTF8.GetBytes("""{ "definitionId": "odd", "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "x", "type": "Acme.Thing" } ] } }"""))]);
        Assert.Contains("流程使用了 SalesPerf 不支持的活动类型。", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));

        var copied = WebUtility.HtmlDecode(await _zh.SubmitAsync("/Admin/Flows", "Duplicate", new() { ["id"] = "default-sales-flow" }));
        Assert.Contains("已复制为“default-sales-flow-copy”（草稿）。", copied);
        Assert.Contains("发布 v1", copied); // the copy's draft is valid, so it can be published from the list

        var published = WebUtility.HtmlDecode(await _en.SubmitAsync("/Admin/Flows", "Publish", new() { ["id"] = "default-sales-flow-copy" }));
        Assert.Contains("'default-sales-flow-copy' version 1 is published.", published);
    }

    [Fact]
    public async Task The_migration_page_names_stages_and_actions_in_the_admins_language()
    {
        await (await _app.SignInAsync("rA")).CreateDealAsync("Substation retrofit");
        await _en.PostJsonAsync(Defs, Save((await LoadAsync(_en)).WithSiteSurvey(), publish: true));

        var list = WebUtility.HtmlDecode(await _zh.HtmlAsync("/Admin/Flows"));
        Assert.Contains("将 v1 的商机迁移到 v2", list);

        var zh = WebUtility.HtmlDecode(await _zh.HtmlAsync("/Admin/Flows/Migrate/default-sales-flow?from=1"));
        foreach (var text in new[] { "<h1>将进行中的商机迁移到新版本</h1>", "default-sales-flow：版本 1 → 版本 2，1 个进行中商机。", "首次拜访 → 首次拜访", "进行中", "迁移 1 个商机", "← 全部流程" })
            Assert.Contains(text, zh);
        Assert.DoesNotContain("First visit", zh);
        Assert.DoesNotContain("Move 1 deal(s)", zh);

        var enPage = await _en.HtmlAsync("/Admin/Flows/Migrate/default-sales-flow?from=1");
        var en = WebUtility.HtmlDecode(enPage);
        foreach (var text in new[] { "<h1>Move running deals to a new version</h1>", "First visit → First visit", "Move 1 deal(s)", "← All flows" })
            Assert.Contains(text, en);
        Assert.DoesNotContain("首次拜访", en);

        var token = WebUtility.HtmlDecode(TokenField().Match(enPage).Groups[1].Value);
        var moved = await _en.PostFormAsync("/Admin/Flows/Migrate/default-sales-flow?from=1", "/Admin/Flows/Migrate/default-sales-flow",
            new Dictionary<string, string> { ["from"] = "1", ["to"] = "2", ["token"] = token });
        var after = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());
        Assert.True(moved.StatusCode == HttpStatusCode.OK, after); // the deal is moved as previewed (the form's token matches)
        Assert.Contains("1 deal(s) now run on version 2.", after);
    }
}
