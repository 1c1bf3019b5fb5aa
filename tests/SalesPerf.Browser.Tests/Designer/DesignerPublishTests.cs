using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;
using static SalesPerf.Browser.Tests.Infrastructure.StudioSaves;
using Xunit.Abstractions;

namespace SalesPerf.Browser.Tests.Designer;

/// <summary>
/// An admin adds a "site survey" stage in the real Elsa Studio, hosted by SalesPerf, and publishes it: new deals follow
/// the new version, a running deal stays on its own. Fails on any console error, failed request or outside request.
/// </summary>
public sealed class DesignerPublishTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Admin_adds_a_stage_and_publishes_new_deals_follow_it_running_deals_stay()
    {
        await using var app = await new BrowserApp().StartAsync();
        var rep = await app.SignInAsync("rA");
        var runningDeal = await CreateDealAsync(rep, "Existing grid upgrade");
        Assert.Equal(1, runningDeal["summary"]!["flowVersion"]!.GetValue<int>());

        await using var browser = await ChromiumSession.LaunchAsync(app.BaseUrl);
        var page = browser.Page;
        await SignInAsync(page, app.BaseUrl);
        var admin = await app.SignInAsync("admin");
        await WarmUpServerAsync(admin);

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(app.BaseUrl + "/Admin/Flows/Edit/default-sales-flow");
        await page.GetByText("Solution demo").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText("销售流程 Sales flow").WaitForAsync();
        var interactive = clock.Elapsed;
        Report($"designer interactive after {interactive.TotalSeconds:0.00} s (first visit, empty browser cache; target 5 s)");
        await browser.ScreenshotAsync("designer-1-opened");

        // Drop a new stage on an empty part of the canvas.
        var tool = page.GetByText("Sales stage 销售阶段").First;
        if (!await tool.IsVisibleAsync()) await page.GetByText("销售流程 Sales flow").ClickAsync();
        await tool.WaitForAsync();
        await tool.SettledAsync(); // the toolbox expands with an animation
        var canvas = new Canvas(page);
        await SavedAfterAsync(page, () => tool.DragToAsync(page.Locator(".x6-graph-svg").First, new() { TargetPosition = new() { X = 150, Y = 80 } }));
        var stageId = await canvas.SelectedNodeIdAsync();

        // Its inputs, as an admin fills them in.
        await FillAsync(page, "Stage key 阶段标识", "site-survey");
        await FillAsync(page, "Name (Chinese) 名称（中文）", "现场勘查");
        await FillAsync(page, "Name (English) 名称（英文）", "Site survey");
        await FillAsync(page, "Deadline 期限", "3bd");
        await SetCriteriaAsync(page);
        await browser.ScreenshotAsync("designer-2-stage-inputs");

        // Between the needs analysis and the demo: remove that connection, connect through the new stage.
        await canvas.ZoomToFitAsync();
        await browser.ScreenshotAsync("designer-3-fitted");
        var (ex, ey) = await canvas.EdgeMiddleAsync("needs-analysis", "Approved", "solution-demo");
        await page.Mouse.ClickAsync(ex, ey);
        await SavedAfterAsync(page, () => page.Keyboard.PressAsync("Delete"));
        await SavedAfterAsync(page, () => canvas.ConnectAsync("needs-analysis", "Approved", stageId));
        await SavedAfterAsync(page, () => canvas.ConnectAsync(stageId, "Approved", "solution-demo"));
        await browser.ScreenshotAsync("designer-4-connected");

        var published = await page.RunAndWaitForResponseAsync(() => ClickPublishAsync(page),
            r => r.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal) && r.Request.Method == "POST"
                 && (r.Request.PostData ?? "").Contains("\"publish\":true", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);
        await page.Locator(".x6-graph-svg").First.SettledAsync();
        await browser.ScreenshotAsync("designer-5-published");

        var v2 = await admin.GetFromJsonAsync<JsonObject>("/api/flows/default-sales-flow/versions/2");
        var stages = v2!["stages"]!.AsArray();
        var survey = stages.Single(s => s!["key"]!.GetValue<string>() == "site-survey")!;
        Assert.Equal("3bd", survey["deadline"]!.GetValue<string>());
        Assert.Equal(["siteSurveyReport"], survey["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("solution-demo", survey["nextStageKey"]!.GetValue<string>());
        Assert.Equal("site-survey", stages.Single(s => s!["key"]!.GetValue<string>() == "needs-analysis")!["nextStageKey"]!.GetValue<string>());

        var report = await PublishedCriteriaAsync(admin, "site-survey");
        Assert.Equal("勘查报告", report["labelZh"]!.GetValue<string>());
        Assert.Equal("Site survey report", report["labelEn"]!.GetValue<string>());
        Assert.Equal("file", report["type"]!.GetValue<string>());
        Assert.Equal(["pdf"], report["fileTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(report["required"]!.GetValue<bool>());

        var newDeal = await CreateDealAsync(rep, "New PV connection");
        Assert.Equal(2, newDeal["summary"]!["flowVersion"]!.GetValue<int>());
        var stillOld = await rep.GetFromJsonAsync<JsonObject>($"/api/deals/{runningDeal["summary"]!["id"]}");
        Assert.Equal(1, stillOld!["summary"]!["flowVersion"]!.GetValue<int>());

        // Opened again, the new stage's node carries its name, not the Studio's "SalesStage7".
        clock.Restart();
        await page.ReloadAsync();
        await page.Locator(".x6-node").GetByText("Site survey", new() { Exact = true }).WaitForAsync(new() { Timeout = 30_000 });
        Report($"designer interactive after {clock.Elapsed.TotalSeconds:0.00} s (visit again, files cached)");
        await browser.ScreenshotAsync("designer-6-reopened");

        Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
    }

    /// <summary>
    /// The Studio's first API calls against a fresh test host pay for its JIT and first queries, which a running server
    /// has long paid; the timing should show the designer's start-up, not the test host's.
    /// </summary>
    private static async Task WarmUpServerAsync(HttpClient admin)
    {
        foreach (var path in new[] { "workflow-definitions/by-definition-id/default-sales-flow?versionOptions=Latest", "descriptors/activities",
                     "descriptors/expression-descriptors", "workflow-definitions/query/count" })
            (await admin.GetAsync("/elsa/api/" + path)).EnsureSuccessStatusCode();
    }

    /// <summary>The canvas toolbar's publish button: from the right, run, publish options, publish.</summary>
    private static async Task ClickPublishAsync(IPage page)
    {
        var at = await page.EvaluateAsync<double[]>(@"() => {
            const g = document.querySelector('.x6-graph').getBoundingClientRect();
            const buttons = [...document.querySelectorAll('button')].map(b => b.getBoundingClientRect())
                .filter(r => r.width > 0 && r.bottom <= g.top + 2 && r.top >= g.top - 90 && r.left >= g.left - 10 && r.right <= g.right + 10);
            buttons.sort((a, b) => b.left - a.left);
            const publish = buttons[2];
            return [publish.left + publish.width / 2, publish.top + publish.height / 2];
        }");
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
    }

    /// <summary>
    /// The stage's completion criteria through SalesPerf's form (not the Studio's JSON text box): the new stage's
    /// default field goes, one file field comes, accepting PDF only. The Studio auto-saves each change.
    /// </summary>
    private static async Task SetCriteriaAsync(IPage page)
    {
        var form = page.Locator(".sp-criteria");
        await form.ScrollIntoViewIfNeededAsync();
        Assert.False(await page.Locator(".mud-input-control", new() { Has = page.Locator("label", new() { HasText = "Completion criteria 完成标准" }) })
            .IsVisibleAsync(), "the JSON text box should be replaced by the form");
        Assert.Equal(1, await form.Locator(".sp-field").CountAsync()); // a new stage's default: a stage summary

        await SavedAfterAsync(page, () => form.Locator(".sp-field").First.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync());
        await SavedAfterAsync(page, () => form.GetByRole(AriaRole.Button, new() { Name = "+ Add a field" }).ClickAsync());
        var field = form.Locator(".sp-field").First;
        await SavedAfterAsync(page, () => FillAndLeaveAsync(field.GetByLabel("Label (Chinese)"), "勘查报告"));
        await SavedAfterAsync(page, () => FillAndLeaveAsync(field.GetByLabel("Label (English)"), "Site survey report"));
        await SavedAfterAsync(page, () => field.GetByLabel("Type").SelectOptionAsync("file"));
        await SavedAfterAsync(page, () => field.GetByLabel("docx").UncheckAsync());
        await SavedAfterAsync(page, () => field.GetByLabel("xlsx", new() { Exact = true }).UncheckAsync());
        Assert.Contains("siteSurveyReport", await field.Locator("summary").InnerTextAsync()); // key made from the English label
    }

    private static async Task FillAndLeaveAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static async Task<JsonObject> PublishedCriteriaAsync(HttpClient admin, string stageKey)
    {
        var definition = await admin.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/by-definition-id/default-sales-flow?versionOptions=Published");
        var stage = definition!["root"]!["activities"]!.AsArray().Single(a => a!["key"]?["expression"]?["value"]?.GetValue<string>() == stageKey)!;
        var fields = JsonNode.Parse(stage["criteria"]!["expression"]!["value"]!.GetValue<string>())!.AsArray();
        return Assert.Single(fields)!.AsObject();
    }

    private static async Task FillAsync(IPage page, string label, string value)
    {
        // MudBlazor fields: a .mud-input-control holding the label and the input (not linked by for/id).
        var input = page.Locator(".mud-input-control")
            .Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new(System.Text.RegularExpressions.Regex.Escape(label)) }) })
            .Locator("input, textarea").First;
        await input.ScrollIntoViewIfNeededAsync();
        await SavedAfterAsync(page, async () =>
        {
            await input.FillAsync(value);
            await input.PressAsync("Tab");
        });
    }

    private static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/Admin/Flows");
        await page.WaitForURLAsync(u => u.Contains("/Account/Login", StringComparison.Ordinal));
        await page.FillAsync("input[type=email]", "admin@test.local");
        await page.FillAsync("input[type=password]", BrowserApp.Password);
        await page.ClickAsync("form:has(input[type=password]) button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/Admin/Flows", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> CreateDealAsync(HttpClient rep, string title)
    {
        var response = await rep.PostAsJsonAsync("/api/deals", new { title, customer = "State Grid Hebei", customerType = "grid", estimatedValue = 1_200_000 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Directory.CreateDirectory(ChromiumSession.ScreenshotFolder);
        File.AppendAllText(Path.Combine(ChromiumSession.ScreenshotFolder, "timings.txt"), $"{DateTime.UtcNow:u} {line}\n");
    }
}
