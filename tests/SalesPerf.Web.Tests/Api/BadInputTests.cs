using System.Net;
using System.Text;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Api;

/// <summary>Bad input gets a clear RFC 7807 answer and changes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private ApiClient _rep = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        _rep = await _app.SignInAsync("rA");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_crash()
    {
        var response = await _rep.Http.PostAsync("/api/deals", new StringContent("{\"title\": \"unterminated", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync()); // no stack trace
    }

    [Fact]
    public async Task Missing_fields_are_named_one_by_one()
    {
        var response = await _rep.PostAsync("/api/deals", new { title = "", customerType = "grid", estimatedValue = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadAsync(response);
        Assert.NotNull(problem["errors"]!["title"]);
        Assert.NotNull(problem["errors"]!["customer"]);
        Assert.NotNull(problem["errors"]!["estimatedValue"]);
        Assert.Equal(0, (await _rep.GetJsonAsync("/api/deals"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_incomplete_deliverable_lists_each_failing_field()
    {
        var id = await _rep.CreateDealAsync();
        var response = await _rep.SubmitCurrentStageAsync(id, values =>
        {
            values["customerProfile"] = "too short";
            values["visitDate"] = "next Tuesday";
            values["customerType"] = "martian";
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadAsync(response);
        Assert.Equal("incompleteDeliverable", problem["code"].Str());
        Assert.Contains("at least 30 characters", problem["errors"]!["customerProfile"]![0].Str());
        Assert.Contains("yyyy-MM-dd", problem["errors"]!["visitDate"]![0].Str());
        Assert.Contains("grid", problem["errors"]!["customerType"]![0].Str());
        var deal = await _rep.GetJsonAsync($"/api/deals/{id}");
        Assert.Equal("open", deal["current"]!["status"].Str());
    }

    [Fact]
    public async Task Unknown_enum_values_and_unknown_flows_are_refused()
    {
        var id = await _rep.CreateDealAsync();
        var badAttribution = await _rep.PostAsync($"/api/deals/{id}/delay-reasons", new { reason = "Customer on holiday", attribution = "weather" });
        Assert.Equal(HttpStatusCode.BadRequest, badAttribution.StatusCode);
        var badFlow = await _rep.PostAsync("/api/deals", new { title = "T", customer = "C", customerType = "grid", flowDefinitionId = "no-such-flow" });
        Assert.Equal(HttpStatusCode.BadRequest, badFlow.StatusCode);
        Assert.NotNull((await ApiClient.ReadAsync(badFlow))["errors"]!["flowDefinitionId"]);
    }

    [Fact]
    public async Task Uploads_are_checked_by_content_size_and_name()
    {
        var id = await _rep.CreateDealAsync();
        var manager = await _app.SignInAsync("mN");
        var submitted = await ApiClient.ReadAsync(await _rep.SubmitCurrentStageAsync(id), expectSuccess: true);
        await manager.PostJsonAsync($"/api/deals/{id}/submissions/{submitted.PendingSubmission()}/approve", new { });

        var disguised = await _rep.UploadAsync(id, "report", "report.xlsx", "MZ\u0090 this is an executable"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("not really a .xlsx", (await ApiClient.ReadAsync(disguised))["title"].Str());

        var wrongType = await _rep.UploadAsync(id, "report", "report.exe", StageFiller.SampleFile("pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var tooBig = new byte[20 * 1024 * 1024 + 1];
        "%PDF"u8.CopyTo(tooBig);
        Assert.Equal(HttpStatusCode.BadRequest, (await _rep.UploadAsync(id, "report", "big.pdf", tooBig)).StatusCode);

        var traversal = await ApiClient.ReadAsync(await _rep.UploadAsync(id, "report", "../../../etc/passwd.pdf", StageFiller.SampleFile("pdf")), expectSuccess: true);
        Assert.Equal("passwd.pdf", traversal["fileName"].Str());
        Assert.False(File.Exists(Path.Combine(_app.DataFolder, "..", "..", "..", "etc", "passwd.pdf")));
        Assert.Single(Directory.GetFiles(Path.Combine(_app.DataFolder, "uploads"), "*.pdf", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_api_describes_itself_and_reports_health()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().GetAsync("/health")).StatusCode);
        var openApi = await _app.Anonymous().GetJsonAsync("/openapi/v1.json");
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/deals", paths);
        Assert.Contains("/api/deals/{id}/submissions/{no}/approve", paths);
        Assert.Contains("/api/flows", paths);
    }
}
