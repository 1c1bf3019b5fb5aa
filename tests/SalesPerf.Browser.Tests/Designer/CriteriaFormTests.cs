using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesPerf.Browser.Tests.Infrastructure;
using static SalesPerf.Browser.Tests.Infrastructure.StudioSaves;

namespace SalesPerf.Browser.Tests.Designer;

/// <summary>
/// The form SalesPerf puts in place of the Studio's criteria text box: it shows a stage's fields as they are, changes
/// only what the admin changes, and never overwrites criteria it cannot read.
/// </summary>
public sealed class CriteriaFormTests
{
    [Fact]
    public async Task Changing_one_setting_in_the_form_keeps_every_other_field_and_setting_of_the_stage()
    {
        await using var app = await new BrowserApp().StartAsync();
        var admin = await app.SignInAsync("admin");
        var before = Criteria(await LatestAsync(admin, "power-service-flow"), "needs-analysis");

        await using var browser = await ChromiumSession.LaunchAsync(app.BaseUrl);
        var page = browser.Page;
        var form = await OpenStageAsync(page, app.BaseUrl, "power-service-flow", "needs-analysis", chinese: true);

        Assert.Equal(before.Count, await form.Locator(".sp-field").CountAsync());
        var peakLoad = form.Locator(".sp-field[data-key='peakLoadKw']");
        Assert.Equal(before.Single(f => f!["key"]!.GetValue<string>() == "peakLoadKw")!["max"]!.ToString(),
            await peakLoad.GetByLabel("最大值").InputValueAsync());
        Assert.Equal("kW", await peakLoad.GetByLabel("单位").InputValueAsync());
        await browser.ScreenshotAsync("criteria-form-zh");

        await SavedAfterAsync(page, async () =>
        {
            await peakLoad.GetByLabel("最大值").FillAsync("80000");
            await peakLoad.GetByLabel("最大值").PressAsync("Tab");
        });

        var after = Criteria(await LatestAsync(admin, "power-service-flow"), "needs-analysis");
        before.Single(f => f!["key"]!.GetValue<string>() == "peakLoadKw")!["max"] = 80000;
        Assert.True(JsonNode.DeepEquals(before, after), $"only the maximum should change; the draft holds:\n{after}");
        Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
    }

    [Fact]
    public async Task Criteria_the_form_cannot_read_are_shown_as_text_with_the_reason_and_left_untouched_until_corrected()
    {
        await using var app = await new BrowserApp().StartAsync();
        var admin = await app.SignInAsync("admin");
        var model = await LatestAsync(admin, "default-sales-flow");
        const string Broken = """[{"key": "visitDate", "labelEn": "Visit date", "type": "date"},""";
        Stage(model, "first-visit")["criteria"]!["expression"]!["value"] = Broken;
        (await admin.PostAsJsonAsync(DefinitionsApi, new JsonObject { ["model"] = model, ["publish"] = false })).EnsureSuccessStatusCode();

        await using var browser = await ChromiumSession.LaunchAsync(app.BaseUrl);
        var page = browser.Page;
        var saves = 0;
        page.Request += (_, r) => { if (r.Method == "POST" && r.Url.EndsWith(DefinitionsApi, StringComparison.Ordinal)) saves++; };
        var form = await OpenStageAsync(page, app.BaseUrl, "default-sales-flow", "first-visit", chinese: false);

        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("These criteria cannot be shown as a form");
        var text = page.Locator(".mud-input-control", new() { Has = page.Locator("label", new() { HasText = "Completion criteria 完成标准" }) })
            .Locator("textarea");
        Assert.Equal(Broken, await text.InputValueAsync());
        await browser.ScreenshotAsync("criteria-form-unreadable");
        Assert.Equal(0, saves);
        Assert.Equal(Broken, Stage(await LatestAsync(admin, "default-sales-flow"), "first-visit")["criteria"]!["expression"]!["value"]!.GetValue<string>());

        await SavedAfterAsync(page, async () =>
        {
            await text.FillAsync(Broken.TrimEnd(',') + "]");
            await text.PressAsync("Tab");
        });
        await Assertions.Expect(form.Locator(".sp-field")).ToHaveCountAsync(1);
        await Assertions.Expect(form.GetByLabel("Label (English)")).ToHaveValueAsync("Visit date");
        Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
    }

    private static async Task<ILocator> OpenStageAsync(IPage page, string baseUrl, string flow, string stage, bool chinese)
    {
        await PortalPages.SignInAsync(page, baseUrl, "admin");
        var culture = chinese ? "zh-CN" : "en";
        await page.GotoAsync($"{baseUrl}/Admin/Flows/Edit/{flow}?culture={culture}&ui-culture={culture}");
        var canvas = new Canvas(page);
        await canvas.Node(stage).WaitForAsync(new() { Timeout = 30_000 });
        await canvas.ZoomToFitAsync();
        await canvas.Node(stage).ClickAsync();
        var form = page.Locator(".sp-criteria");
        await form.WaitForAsync();
        await form.ScrollIntoViewIfNeededAsync();
        return form;
    }

    private static async Task<JsonObject> LatestAsync(HttpClient admin, string flow) =>
        (await admin.GetFromJsonAsync<JsonObject>($"{DefinitionsApi}/by-definition-id/{flow}?versionOptions=Latest"))!;

    private static JsonObject Stage(JsonObject model, string id) =>
        model["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();

    private static JsonArray Criteria(JsonObject model, string stage) =>
        JsonNode.Parse(Stage(model, stage)["criteria"]!["expression"]!["value"]!.GetValue<string>())!.AsArray();
}
