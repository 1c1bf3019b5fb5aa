using System.Net;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>Who may download which report through the API, and what bad periods answer; run once on SQLite and once on PostgreSQL.</summary>
public abstract class ReportAccessTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;
    private Guid _north, _south;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(database()).StartAsync();
        await _app.AddUserAsync("hr1", Roles.Hr);
        var admin = await _app.SignInAsync("admin");
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(_app.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Persistence.SalesPerfDbContext>(scope.ServiceProvider);
        _north = db.Teams.Single(t => t.Name == "North").Id;
        _south = db.Teams.Single(t => t.Name == "South").Id;
        _ = admin;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private string RepUrl(string key) => $"/api/reports/reps/{_app.UserIds[key]}.pdf?{March}";
    private string TeamUrl(Guid team) => $"/api/reports/teams/{team}.pdf?{March}";

    [Fact]
    public async Task Reps_see_their_own_managers_their_team_hr_and_admins_all()
    {
        var cases = new (string Who, Func<string> Url, HttpStatusCode Expected)[]
        {
            ("rA", () => RepUrl("rA"), HttpStatusCode.OK),
            ("rA", () => RepUrl("rB"), HttpStatusCode.NotFound),
            ("rA", () => TeamUrl(_north), HttpStatusCode.Forbidden),
            ("mN", () => RepUrl("rA"), HttpStatusCode.OK),
            ("mN", () => RepUrl("rC"), HttpStatusCode.NotFound),
            ("mN", () => TeamUrl(_north), HttpStatusCode.OK),
            ("mN", () => TeamUrl(_south), HttpStatusCode.Forbidden),
            ("mS", () => TeamUrl(_north), HttpStatusCode.Forbidden),
            ("admin", () => RepUrl("rC"), HttpStatusCode.OK),
            ("admin", () => TeamUrl(_south), HttpStatusCode.OK),
            ("hr1", () => RepUrl("rB"), HttpStatusCode.OK),
            ("hr1", () => TeamUrl(_north), HttpStatusCode.OK),
            ("admin", () => TeamUrl(Guid.NewGuid()), HttpStatusCode.NotFound),
            ("admin", () => $"/api/reports/reps/nobody.pdf?{March}", HttpStatusCode.NotFound),
        };
        var failures = new List<string>();
        foreach (var (who, url, expected) in cases)
        {
            var client = await _app.SignInAsync(who);
            var response = await client.Http.GetAsync(url());
            if (response.StatusCode != expected) failures.Add($"{who} {url()}: {(int)response.StatusCode}, expected {(int)expected}");
            else if (expected == HttpStatusCode.OK) Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            else Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous().Http.GetAsync(RepUrl("rA"))).StatusCode);
        // HR reads reports but has no deals.
        var hr = await _app.SignInAsync("hr1");
        Assert.Equal(0, (await hr.GetJsonAsync("/api/deals"))["total"]?.GetValue<int>() ?? 0);
    }

    [Theory]
    [InlineData("from=2026-03-31&to=2026-03-01", "to", "The period ends before it starts.")]
    [InlineData("from=2026-13-01&to=2026-12-31", "from", "'2026-13-01' is not a date; use yyyy-MM-dd.")]
    [InlineData("from=2026-03-01", "to", "'to' is required (yyyy-MM-dd) when the other end of the period is given.")]
    [InlineData("from=2024-01-01&to=2026-03-01", "to", "A report covers at most 366 days.")]
    public async Task A_bad_period_is_a_problem_naming_the_field(string query, string field, string message)
    {
        var admin = await _app.SignInAsync("admin");
        foreach (var url in new[] { $"/api/reports/reps/{_app.UserIds["rA"]}.pdf?{query}", $"/api/reports/teams/{_north}.pdf?{query}" })
        {
            var response = await admin.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await ApiClient.ReadAsync(response);
            Assert.Equal("badPeriod", problem["code"]!.GetValue<string>());
            Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_report_endpoints_are_in_the_openapi_document()
    {
        var doc = await (await _app.SignInAsync("admin")).GetJsonAsync("/openapi/v1.json");
        Assert.NotNull(doc["paths"]!["/api/reports/reps/{repId}.pdf"]);
        Assert.NotNull(doc["paths"]!["/api/reports/teams/{teamId}.pdf"]);
    }
}

public sealed class SqliteReportAccessTests() : ReportAccessTests(TestDatabase.Sqlite);
public sealed class PostgresReportAccessTests() : ReportAccessTests(TestDatabase.Postgres);
