using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Designer.StudioModels;

namespace SalesPerf.Web.Tests.Designer;

/// <summary>The endpoints Elsa Studio calls, answered by SalesPerf, including what a broken or racing client sends.</summary>
public sealed class StudioApiTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _admin = await _app.SignInAsync("admin");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task The_editor_loads_an_editable_definition_and_our_descriptors_only()
    {
        var model = await LoadAsync(_admin);
        Assert.Contains(model["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "publish"); // else the Studio is read-only
        Assert.Equal("default-sales-flow-v1", model["id"]!.GetValue<string>());

        var types = (await _admin.GetJsonAsync("/elsa/api/descriptors/activities?Refresh=True"))["items"]!.AsArray()
            .Select(d => d!["typeName"]!.GetValue<string>()).ToList();
        Assert.Equal(["Elsa.Flowchart", "SalesPerf.DealStart", "SalesPerf.SalesStage", "SalesPerf.DealWon"], types);
        var syntaxes = (await _admin.GetJsonAsync("/elsa/api/descriptors/expression-descriptors"))["items"]!.AsArray();
        Assert.Equal(["Literal"], syntaxes.Where(s => s!["isBrowsable"]!.GetValue<bool>()).Select(s => s!["type"]!.GetValue<string>()));

        foreach (var path in new[]
                 {
                     "/descriptors/workflow-activation-strategies", "/descriptors/log-persistence-strategies", "/descriptors/incident-strategies",
                     "/descriptors/commit-strategies/workflows", "/features/installed", "/package/version", "/workflow-definitions/query/count",
                     "/workflow-definitions/validation/is-name-unique?name=x&definitionId=default-sales-flow", "/workflow-definitions?versionOptions=All",
                     "/workflow-definitions/by-id/default-sales-flow-v1",
                 })
            Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/elsa/api" + path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/elsa/api/not-an-endpoint")).StatusCode);
    }

    [Fact]
    public async Task Saving_creates_a_draft_then_updates_it_and_publishing_makes_new_deals_use_it()
    {
        var model = (await LoadAsync(_admin)).WithSiteSurvey();
        var saved = await _admin.PostJsonAsync(Defs, Save(model));
        Assert.Equal(2, saved["workflowDefinition"]!["version"]!.GetValue<int>());
        Assert.False(saved["workflowDefinition"]!["isPublished"]!.GetValue<bool>());

        var again = await _admin.PostJsonAsync(Defs, Save(saved["workflowDefinition"]!.AsObject()));
        Assert.Equal(2, again["workflowDefinition"]!["version"]!.GetValue<int>()); // the same draft, not a third version
        var rep = await _app.SignInAsync("rA");
        Assert.Equal(1, (await rep.GetJsonAsync($"/api/deals/{await rep.CreateDealAsync()}"))["summary"]!["flowVersion"]!.GetValue<int>());

        var published = await _admin.PostJsonAsync($"{Defs}/default-sales-flow/publish", new { });
        Assert.True(published["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
        Assert.Equal(2, (await rep.GetJsonAsync($"/api/deals/{await rep.CreateDealAsync()}"))["summary"]!["flowVersion"]!.GetValue<int>());

        var versions = await _admin.GetJsonAsync($"{Defs}?versionOptions=All&definitionIds=default-sales-flow");
        Assert.Equal([2, 1], versions["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal([true, false], versions["items"]!.AsArray().Select(v => v!["isPublished"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_flow_published_on_one_app_node_is_used_by_another_within_seconds()
    {
        await using var otherNode = await new TestApp(_app.Database, _app.Clock).StartAsync();
        var rep = await otherNode.SignInAsync("rA");
        Assert.Equal(1, (await rep.GetJsonAsync($"/api/deals/{await rep.CreateDealAsync()}"))["summary"]!["flowVersion"]!.GetValue<int>());

        await _admin.PostJsonAsync(Defs, Save((await LoadAsync(_admin)).WithSiteSurvey()));
        await _admin.PostJsonAsync($"{Defs}/default-sales-flow/publish", new { });
        var sameNode = await _app.SignInAsync("rA");
        Assert.Equal(2, (await sameNode.GetJsonAsync($"/api/deals/{await sameNode.CreateDealAsync()}"))["summary"]!["flowVersion"]!.GetValue<int>());
        _app.Clock.Advance(SalesPerf.Web.Flows.FlowCatalog.MaxAge); // the other node asks the database again
        Assert.Equal(2, (await rep.GetJsonAsync($"/api/deals/{await rep.CreateDealAsync()}"))["summary"]!["flowVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Malformed_json_and_unknown_activity_types_are_refused_with_located_messages()
    {
        var malformed = await _admin.Http.PostAsync(Defs, new StringContent("{\"model\": {\"root\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync());

        var model = await LoadAsync(_admin);
        model.Activities().Add(new JsonObject { ["id"] = "js", ["name"] = "Run script", ["type"] = "Elsa.RunJavaScript" });
        var unknown = await _admin.PostAsync(Defs, Save(model));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await ApiClient.ReadAsync(unknown))["errors"]!.AsObject();
        Assert.Equal("activity 'Run script': unknown activity type \"Elsa.RunJavaScript\" (SalesPerf flows use a deal start, sales stages and a won end)",
            errors["activity 'Run script'"]![0]!.GetValue<string>());
        Assert.Equal(1, (await LoadAsync(_admin))["version"]!.GetValue<int>()); // nothing saved

        var notAModel = await _admin.PostAsync(Defs, new { publish = true });
        Assert.Equal(HttpStatusCode.BadRequest, notAModel.StatusCode);
    }

    [Fact]
    public async Task An_invalid_flow_is_saved_as_draft_but_not_published_and_the_errors_say_where()
    {
        var model = await LoadAsync(_admin);
        model.Activity("needs-analysis").SetInput("deadline", "soon");
        model.Disconnect("contract", "Approved", "won");
        var response = await _admin.PostAsync(Defs, Save(model, publish: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadAsync(response);
        var messages = problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).ToList();
        Assert.Contains(messages, m => m.StartsWith("stage 'needs-analysis'", StringComparison.Ordinal) && m.Contains("\"soon\""));
        Assert.Contains(messages, m => m.StartsWith("stage 'contract'", StringComparison.Ordinal) && m.Contains("'Approved' is not connected"));
        var published = await _admin.GetJsonAsync($"{Defs}/by-definition-id/default-sales-flow?versionOptions=Published");
        Assert.Equal(1, published["version"]!.GetValue<int>());
        var flows = await _app.SignInAsync("admin"); // no language chosen: the portal's default, zh-CN
        Assert.Contains("v2：2 个问题", await (await flows.GetAsync("/Admin/Flows")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_draft_is_not_saved_over_a_newer_one()
    {
        var opened = await LoadAsync(_admin);
        var first = await _admin.PostJsonAsync(Defs, Save(opened.DeepClone().AsObject().WithSiteSurvey()));
        var draft = first["workflowDefinition"]!.AsObject();

        // Another admin changes the same draft…
        var other = draft.DeepClone().AsObject();
        other.Activity("site-survey").SetInput("deadline", "4bd");
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync(Defs, Save(other))).StatusCode);

        // …so saving the copy loaded before that change, or the model of the published version 1, is refused.
        foreach (var stale in new[] { draft, opened })
        {
            var response = await _admin.PostAsync(Defs, Save(stale));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("Reload", await response.Content.ReadAsStringAsync());
        }
        var latest = await LoadAsync(_admin);
        Assert.Equal("4bd", latest.Activity("site-survey")["deadline"]!["expression"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Versions_can_be_reverted_retracted_deleted_exported_and_imported()
    {
        await _admin.PostJsonAsync(Defs, Save((await LoadAsync(_admin)).WithSiteSurvey(), publish: true));
        var reverted = await _admin.PostJsonAsync($"{Defs}/default-sales-flow/revert/1", new { });
        Assert.Equal(3, reverted["version"]!.GetValue<int>());
        Assert.DoesNotContain(reverted["root"]!["activities"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "site-survey");

        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsync($"{Defs}/default-sales-flow/retract", new { })).StatusCode); // new deals need it
        var power = await _admin.PostJsonAsync($"{Defs}/power-service-flow/retract", new { });
        Assert.False(power["isPublished"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.Conflict, (await _admin.Http.DeleteAsync("/elsa/api/workflow-definition-versions/default-sales-flow-v2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.Http.DeleteAsync("/elsa/api/workflow-definition-versions/default-sales-flow-v3")).StatusCode);

        var export = await _admin.GetAsync($"{Defs}/power-service-flow/export?versionOptions=1");
        var exported = await export.Content.ReadAsStringAsync();
        var imported = JsonNode.Parse(exported)!.AsObject();
        imported["definitionId"] = "imported-flow";
        var created = await _admin.PostJsonAsync($"{Defs}/import", imported);
        Assert.Equal("imported-flow", created["definitionId"]!.GetValue<string>());
        Assert.False(created["isPublished"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("default-sales-flow.json")]
    [InlineData("power-service-flow.json")]
    public async Task Shipped_flows_export_byte_for_byte_as_they_are_in_git(string file)
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", file));
        var export = await _admin.GetAsync($"{Defs}/{Path.GetFileNameWithoutExtension(file)}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(shipped.TrimEnd() + "\n", await export.Content.ReadAsStringAsync());

        // Importing the export and exporting again changes nothing but the version fields.
        var imported = await _admin.PostJsonAsync($"{Defs}/import", JsonNode.Parse(shipped)!);
        var again = await (await _admin.GetAsync($"{Defs}/{imported["definitionId"]!.GetValue<string>()}/export?versionOptions=2")).Content.ReadAsStringAsync();
        Assert.Equal(shipped.TrimEnd().Replace("\"isLatest\": true,\n  \"isPublished\": true", "\"isLatest\": true,\n  \"isPublished\": false")
            .Replace("-v1\"", "-v2\"").Replace("\"version\": 1,\n  \"toolVersion\"", "\"version\": 2,\n  \"toolVersion\"") + "\n", again);
    }

    [Theory]
    [InlineData("rA", HttpStatusCode.Forbidden)]
    [InlineData("mN", HttpStatusCode.Forbidden)]
    public async Task Only_admins_reach_the_studio_api_and_pages(string user, HttpStatusCode expected)
    {
        var client = await _app.SignInAsync(user);
        Assert.Equal(expected, (await client.GetAsync($"{Defs}/by-definition-id/default-sales-flow")).StatusCode);
        Assert.Equal(expected, (await client.PostAsync(Defs, Save(await LoadAsync(_admin)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().GetAsync("/elsa/api/descriptors/activities")).StatusCode);
        var page = await _app.Anonymous().GetAsync("/Admin/Flows/Edit/default-sales-flow");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString());
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Admin/Flows/Edit/default-sales-flow")).StatusCode);
    }

    [Fact]
    public async Task Cross_site_calls_are_refused_even_with_the_admin_session()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Defs) { Content = JsonContent.Create(Save(await LoadAsync(_admin))) };
        request.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await _admin.Http.SendAsync(request)).StatusCode);
        var fetch = new HttpRequestMessage(HttpMethod.Get, "/elsa/api/descriptors/activities");
        fetch.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await _admin.Http.SendAsync(fetch)).StatusCode);
    }

    /// <summary>
    /// What the Studio calls over and over while an admin edits (load the latest version, the activity descriptors, save
    /// the draft) keeps answering correctly when repeated; how fast it answers is measured by the load benchmark
    /// (`bench/SalesPerf.Bench -- load`, "Studio API"), not here.
    /// </summary>
    [Fact]
    public async Task Repeated_studio_calls_keep_answering_and_saves_create_then_update_the_draft()
    {
        for (var i = 0; i < 3; i++)
        {
            var latest = await LoadAsync(_admin);
            Assert.Equal(i == 0 ? 1 : 2, latest["version"]!.GetValue<int>());
            var types = (await _admin.GetJsonAsync("/elsa/api/descriptors/activities?Refresh=True"))["items"]!.AsArray();
            Assert.Equal(4, types.Count);
            if (i == 0) latest.WithSiteSurvey();
            else latest.Activity("site-survey").SetInput("deadline", $"{3 + i}bd");
            var saved = await _admin.PostJsonAsync(Defs, Save(latest));
            Assert.Equal(2, saved["workflowDefinition"]!["version"]!.GetValue<int>()); // the first save creates the draft, later ones update it
            Assert.False(saved["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
        }
        var draft = await LoadAsync(_admin);
        Assert.Equal("5bd", draft.Activity("site-survey")["deadline"]!["expression"]!["value"]!.GetValue<string>());
        var published = await _admin.GetJsonAsync($"{Defs}/by-definition-id/default-sales-flow?versionOptions=Published");
        Assert.Equal(1, published["version"]!.GetValue<int>()); // saving never published
    }
}
