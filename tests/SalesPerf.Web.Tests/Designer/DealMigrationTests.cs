using System.Net;
using System.Text.Json.Nodes;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Designer.StudioModels;

namespace SalesPerf.Web.Tests.Designer;

/// <summary>Moving running deals to a newer flow version: previewed, all or none, never re-running or losing completed stages.</summary>
public sealed class DealMigrationTests : IAsyncLifetime
{
    private const string Migration = "/api/designer/flows/default-sales-flow/migration";
    private TestApp _app = null!;
    private ApiClient _admin = null!, _rep = null!, _manager = null!;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        (_admin, _rep, _manager) = (await _app.SignInAsync("admin"), await _app.SignInAsync("rA"), await _app.SignInAsync("mN"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task Running_deals_move_with_a_preview_keeping_completed_stages_and_points()
    {
        var fresh = await _rep.CreateDealAsync("Fresh deal");
        var advanced = await AdvanceAsync(await _rep.CreateDealAsync("Advanced deal"), 2); // first visit and needs analysis approved
        var scoreBefore = await ScoreAsync(advanced);

        var v2 = (await LoadAsync(_admin)).WithSiteSurvey();
        v2.Activity("first-visit").SetInput("deadline", "3d"); // tightened
        await _admin.PostJsonAsync(Defs, Save(v2, publish: true));

        var preview = await _admin.GetJsonAsync($"{Migration}?from=1");
        Assert.True(preview["canMigrate"]!.GetValue<bool>());
        var plans = preview["deals"]!.AsArray().ToDictionary(d => d!["dealId"].Str());
        Assert.Equal("first-visit", plans[fresh]!["toStageKey"].Str());
        Assert.True(plans[fresh]!["deadlineChanges"]!.GetValue<bool>());
        Assert.Equal(TestApp.Start.AddDays(3), plans[fresh]!["dueAfter"]!.GetValue<DateTimeOffset>());
        Assert.Equal("solution-demo", plans[advanced]!["toStageKey"].Str());
        Assert.Equal(["first-visit", "needs-analysis"], plans[advanced]!["completedStages"]!.AsArray().Select(s => s.Str()));
        Assert.Equal(scoreBefore, plans[advanced]!["pointsKept"]!.GetValue<decimal>());

        var wrongToken = await _admin.PostAsync(Migration, new { fromVersion = 1, toVersion = 2, token = "not-the-preview" });
        Assert.Equal(HttpStatusCode.Conflict, wrongToken.StatusCode);
        Assert.Equal(1, await VersionOfAsync(fresh));

        var done = await _admin.PostJsonAsync(Migration, new { fromVersion = 1, toVersion = 2, token = preview["token"].Str() });
        Assert.Equal(2, done["migrated"]!.GetValue<int>());
        Assert.Equal(2, await VersionOfAsync(fresh));
        var moved = await _rep.GetJsonAsync($"/api/deals/{fresh}");
        Assert.Equal(TestApp.Start.AddDays(3), moved["current"]!["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(scoreBefore, await ScoreAsync(advanced));
        var events = (await _rep.GetJsonAsync($"/api/deals/{advanced}/events")).AsArray();
        Assert.Equal(2, events.Count(e => e!.ToJsonString().Contains("\"approved\"", StringComparison.Ordinal)));

        // Onward on the new version: the demo still leads to customer feedback, nothing completed comes back.
        await AdvanceAsync(advanced, 1);
        Assert.Equal("customer-feedback", (await _rep.GetJsonAsync($"/api/deals/{advanced}"))["current"]!["key"].Str());
    }

    [Fact]
    public async Task A_removed_stage_needs_a_mapping_and_nothing_moves_half_way()
    {
        var fresh = await _rep.CreateDealAsync("Fresh deal");
        var inDemo = await AdvanceAsync(await _rep.CreateDealAsync("Deal in demo"), 2);
        var v2 = await LoadAsync(_admin);
        foreach (var edge in v2.Connections().Where(c => c!.ToJsonString().Contains("\"solution-demo\"", StringComparison.Ordinal)).ToList())
            v2.Connections().Remove(edge);
        v2.Activities().Remove(v2.Activity("solution-demo"));
        v2.Connect("needs-analysis", "Approved", "customer-feedback");
        await _admin.PostJsonAsync(Defs, Save(v2, publish: true));

        var preview = await _admin.GetJsonAsync($"{Migration}?from=1");
        Assert.False(preview["canMigrate"]!.GetValue<bool>());
        Assert.Equal(["solution-demo"], preview["stagesToMap"]!.AsArray().Select(s => s.Str()));
        var refused = await _admin.PostAsync(Migration, new { fromVersion = 1, toVersion = 2, token = preview["token"].Str() });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, await VersionOfAsync(fresh)); // the deal that could move did not: all or none

        var backwards = await _admin.GetJsonAsync($"{Migration}?from=1&map=solution-demo:needs-analysis");
        var blocked = backwards["deals"]!.AsArray().Single(d => d!["dealId"].Str() == inDemo)!;
        Assert.Contains("already completed", blocked["blockers"]![0].Str());

        var mapped = await _admin.GetJsonAsync($"{Migration}?from=1&map=solution-demo:customer-feedback");
        Assert.True(mapped["canMigrate"]!.GetValue<bool>());
        await _admin.PostJsonAsync(Migration, new
        {
            fromVersion = 1, toVersion = 2, token = mapped["token"].Str(), stageMap = new Dictionary<string, string> { ["solution-demo"] = "customer-feedback" },
        });
        var moved = await _rep.GetJsonAsync($"/api/deals/{inDemo}");
        Assert.Equal("customer-feedback", moved["current"]!["key"].Str());
        Assert.Equal(2, moved["summary"]!["flowVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_admins_migrate()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _manager.GetAsync($"{Migration}?from=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _manager.PostAsync(Migration, new { fromVersion = 1, toVersion = 2, token = "x" })).StatusCode);
    }

    private async Task<string> AdvanceAsync(string dealId, int stages)
    {
        for (var i = 0; i < stages; i++)
        {
            (await _rep.SubmitCurrentStageAsync(dealId)).EnsureSuccessStatusCode();
            var no = (await _rep.GetJsonAsync($"/api/deals/{dealId}")).PendingSubmission();
            (await _manager.PostAsync($"/api/deals/{dealId}/submissions/{no}/approve", new { comment = "ok" })).EnsureSuccessStatusCode();
        }
        return dealId;
    }

    private async Task<int> VersionOfAsync(string dealId) => (await _rep.GetJsonAsync($"/api/deals/{dealId}"))["summary"]!["flowVersion"]!.GetValue<int>();

    private async Task<decimal> ScoreAsync(string dealId)
    {
        var score = await _rep.GetJsonAsync($"/api/deals/{dealId}/score");
        var lines = score is JsonArray array ? array : score.AsObject().First(p => p.Value is JsonArray).Value!.AsArray();
        return lines.Sum(l => l!["points"]!.GetValue<decimal>());
    }
}
