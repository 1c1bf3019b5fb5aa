using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Admin;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Portal;

/// <summary>
/// The "new deal" form (/Deals/New): a rep starts a deal after a first visit and lands on it; a manager starts one for a
/// rep of their team but not of another team; missing or wrong fields get messages next to them in the user's language;
/// only active customer types and published flows are accepted.
/// </summary>
public sealed partial class NewDealPageTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private static Task<HttpResponseMessage> PostAsync(ApiClient client, Dictionary<string, string> fields, bool withToken = true) =>
        client.PostFormAsync("/Deals/New", "/Deals/New", fields.Select(kv => new KeyValuePair<string, string>("Deal." + kv.Key, kv.Value)), withToken);

    private static Dictionary<string, string> Valid(string title) => new()
    {
        ["Title"] = title, ["Customer"] = "State Grid Suzhou", ["CustomerType"] = "industrial", ["EstimatedValue"] = "1,500,000",
        ["FlowDefinitionId"] = "default-sales-flow",
    };

    /// <summary>The message shown right after the field (the validation span that names it), or null.</summary>
    private static string? FieldError(string html, string field)
    {
        var m = Regex.Match(html, $"<span class=\"[^\"]*field-validation-error[^\"]*\" data-valmsg-for=\"Deal\\.{field}\"[^>]*>([^<]*)</span>");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    private async Task<int> DealCountAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>().Deals.CountAsync();
    }

    [Fact]
    public async Task A_rep_opens_the_form_from_my_deals_creates_a_deal_and_lands_on_its_page()
    {
        var rep = await _app.SignInEnAsync("rA");
        var home = await rep.HtmlAsync("/");
        Assert.Contains("href=\"/Deals/New\"", home);
        Assert.Contains("New deal", home);

        var form = await rep.HtmlAsync("/Deals/New");
        Assert.Contains(">Grid company</option>", form);             // the catalog's names, not the keys
        Assert.Contains(">Industrial</option>", form);
        // Two flows are published: a choice, with the default one chosen.
        Assert.Matches("<option (selected=\"selected\" value=\"default-sales-flow\"|value=\"default-sales-flow\" selected=\"selected\")>", form);
        Assert.Contains("value=\"power-service-flow\"", form);
        Assert.DoesNotContain("name=\"Deal.RepId\"", form);          // a rep starts deals for themself

        var r = await PostAsync(rep, Valid("Substation upgrade phase 2"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var location = r.Headers.Location!.OriginalString;
        Assert.Matches("^/Deals/[0-9a-f-]{36}$", location);
        var page = await rep.HtmlAsync(location);
        Assert.Contains("Substation upgrade phase 2", page);
        Assert.Contains("Deal created: its first stage has started.", page);
        Assert.Contains("State Grid Suzhou · Industrial ·", page);
        Assert.Contains("1,500,000", page);

        var deal = await rep.GetJsonAsync($"/api{location.ToLowerInvariant()}");
        Assert.Equal(_app.UserIds["rA"], deal["summary"]!["repId"].Str());
        Assert.Equal("industrial", deal["summary"]!["customerType"].Str());
        Assert.Equal(1_500_000m, deal["summary"]!["estimatedValue"]!.GetValue<decimal>());
        Assert.Equal("first-visit", deal["current"]!["key"].Str());

        // The other published flow can be chosen.
        var power = Valid("Grid connection for the PV park");
        power["FlowDefinitionId"] = "power-service-flow";
        var r2 = await PostAsync(rep, power);
        Assert.Equal(HttpStatusCode.Redirect, r2.StatusCode);
        var deal2 = await rep.GetJsonAsync($"/api{r2.Headers.Location!.OriginalString.ToLowerInvariant()}");
        Assert.Equal("power-service-flow", deal2["summary"]!["flowDefinitionId"].Str());
    }

    [Fact]
    public async Task A_manager_creates_a_deal_for_a_rep_of_their_team_who_then_sees_it()
    {
        var manager = await _app.SignInEnAsync("mN");
        var form = await manager.HtmlAsync("/Deals/New");
        Assert.Contains($"value=\"{_app.UserIds["rA"]}\"", form);
        Assert.Contains($"value=\"{_app.UserIds["rB"]}\"", form);
        Assert.DoesNotContain(_app.UserIds["rC"], form);            // another team's rep is not offered

        var fields = Valid("Feeder automation");
        fields["RepId"] = _app.UserIds["rB"];
        var r = await PostAsync(manager, fields);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var id = r.Headers.Location!.OriginalString["/Deals/".Length..];
        var rB = await _app.SignInEnAsync("rB");
        var deal = await rB.GetJsonAsync($"/api/deals/{id}");
        Assert.Equal(_app.UserIds["rB"], deal["summary"]!["repId"].Str());
        Assert.Contains("Feeder automation", await rB.HtmlAsync("/"));

        // An admin picks among every team's reps.
        var admin = await _app.SignInEnAsync("admin");
        var adminForm = await admin.HtmlAsync("/Deals/New");
        Assert.Contains($"value=\"{_app.UserIds["rC"]}\"", adminForm);
        Assert.Contains("rC · South", adminForm);
    }

    [Fact]
    public async Task A_manager_cannot_create_a_deal_for_another_teams_rep_nor_a_rep_for_a_colleague()
    {
        var manager = await _app.SignInEnAsync("mN");
        var fields = Valid("Not my team's deal");
        fields["RepId"] = _app.UserIds["rC"];
        var r = await PostAsync(manager, fields);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal("Choose one of your team's reps.", FieldError(html, "RepId"));
        Assert.Contains("value=\"Not my team&#x27;s deal\"", html);   // what was typed is kept

        var rep = await _app.SignInEnAsync("rA");
        var sneaky = Valid("For my colleague");
        sneaky["RepId"] = _app.UserIds["rB"];
        var r2 = await PostAsync(rep, sneaky);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Contains("You can start deals for yourself only.", await r2.Content.ReadAsStringAsync());

        Assert.Equal(0, await DealCountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(rep, Valid("Without a token"), withToken: false)).StatusCode);
        Assert.Equal(0, await DealCountAsync());
    }

    [Fact]
    public async Task Missing_and_wrong_fields_get_messages_next_to_them_in_the_users_language()
    {
        var zh = await _app.SignInAsync("mN");
        zh.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var r = await PostAsync(zh, new() { ["Title"] = " ", ["Customer"] = "", ["CustomerType"] = "", ["EstimatedValue"] = "12万abc", ["RepId"] = "" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal("请填写商机名称。", FieldError(html, "Title"));
        Assert.Equal("请填写客户名称。", FieldError(html, "Customer"));
        Assert.Equal("请选择客户类型。", FieldError(html, "CustomerType"));
        Assert.Equal("请填写数字金额，例如 1200000。", FieldError(html, "EstimatedValue"));
        Assert.Equal("请选择销售。", FieldError(html, "RepId"));
        Assert.Contains("请修改标出的字段。", html);
        Assert.Contains("value=\"12万abc\"", html);

        var en = await _app.SignInEnAsync("rA");
        var tooMuch = Valid(new string('x', 201));
        tooMuch["EstimatedValue"] = "-5";
        var r2 = await PostAsync(en, tooMuch);
        var html2 = await r2.Content.ReadAsStringAsync();
        Assert.Equal("At most 200 characters.", FieldError(html2, "Title"));
        Assert.Equal("The amount must be between 0 and 999,999,999,999.", FieldError(html2, "EstimatedValue"));
        Assert.Null(FieldError(html2, "Customer"));
        Assert.Equal(0, await DealCountAsync());

        // The estimated value may be left empty (not known yet after a first visit).
        var noValue = Valid("Value not known yet");
        noValue["EstimatedValue"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(en, noValue)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_archived_customer_type_is_refused_and_archived_types_are_not_offered()
    {
        var admin = await _app.SignInEnAsync("admin");
        await admin.SubmitAsync("/Admin/CustomerTypes", "Update",
            new() { ["key"] = "newEnergy", ["nameZh"] = "新能源", ["nameEn"] = "New energy", ["sortOrder"] = "30", ["archived"] = "true" });
        var rep = await _app.SignInEnAsync("rA");
        var form = await rep.HtmlAsync("/Deals/New");
        Assert.DoesNotContain("value=\"newEnergy\"", form);
        Assert.Contains("value=\"grid\"", form);

        foreach (var type in new[] { "newEnergy", "farm", "<b>x</b>" })
        {
            var fields = Valid("Type " + type);
            fields["CustomerType"] = type;
            var r = await PostAsync(rep, fields);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("Choose one of the listed customer types.", FieldError(await r.Content.ReadAsStringAsync(), "CustomerType"));
        }
        Assert.Equal(0, await DealCountAsync());
    }

    [Fact]
    public async Task With_one_published_flow_there_is_no_flow_choice_and_the_deal_uses_that_flow()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
            await db.FlowDefinitions.Where(f => f.DefinitionId == "power-service-flow").ExecuteUpdateAsync(s => s.SetProperty(f => f.IsPublished, false));
        }
        var rep = await _app.SignInEnAsync("rA");
        Assert.DoesNotContain("Deal.FlowDefinitionId", await rep.HtmlAsync("/Deals/New"));
        var fields = Valid("Only one flow");
        fields.Remove("FlowDefinitionId");
        var r = await PostAsync(rep, fields);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var deal = await rep.GetJsonAsync($"/api{r.Headers.Location!.OriginalString.ToLowerInvariant()}");
        Assert.Equal("default-sales-flow", deal["summary"]!["flowDefinitionId"].Str());
    }
}
