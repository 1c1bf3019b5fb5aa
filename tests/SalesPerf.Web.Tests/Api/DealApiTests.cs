using System.Net;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Api;

/// <summary>The deal API end to end on a real database; run once on SQLite and once on PostgreSQL.</summary>
public abstract class DealApiTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await new TestApp(database()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task A_new_deal_starts_in_the_first_visit_stage_due_seven_days_later()
    {
        var rep = await _app.SignInAsync("rA");
        var response = await rep.PostAsync("/api/deals", new { title = "Substation expansion", customer = "State Grid Hebei", customerType = "grid", estimatedValue = 2_000_000 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deal = await ApiClient.ReadAsync(response);
        Assert.Equal("first-visit", deal["current"]!["key"].Str());
        Assert.Equal(TestApp.Start.AddDays(7), deal["current"]!["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("default-sales-flow", deal["summary"]!["flowDefinitionId"].Str());
        Assert.Equal(1, deal["summary"]!["flowVersion"]!.GetValue<int>());
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/deals/{deal["summary"]!["id"].Str()}");
    }

    [Fact]
    public async Task A_deal_runs_from_first_visit_to_won_and_every_approved_stage_scores()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        var id = await rep.CreateDealAsync();

        var approved = new List<string>();
        for (var step = 0; step < 6; step++)
        {
            _app.Clock.Advance(TimeSpan.FromDays(1));
            var submitted = await rep.SubmitCurrentStageAsync(id);
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            var deal = await ApiClient.ReadAsync(submitted);
            approved.Add(deal["current"]!["key"].Str());
            var decision = await manager.PostJsonAsync($"/api/deals/{id}/submissions/{deal.PendingSubmission()}/approve", new { comment = "ok" });
            if (step < 5) Assert.NotEqual(approved[^1], decision["current"]!["key"].Str());
            else Assert.Equal("won", decision["summary"]!["status"].Str());
        }

        Assert.Equal(["first-visit", "needs-analysis", "solution-demo", "customer-feedback", "negotiation", "contract"], approved);
        var score = (await rep.GetJsonAsync($"/api/deals/{id}/score")).AsArray();
        Assert.Equal(6, score.Count);
        Assert.All(score, line => Assert.Equal("StageApproved", line!["kind"].Str()));
        Assert.Equal(5 + 10 + 10 + 8 + 12 + 15, score.Sum(l => l!["points"]!.GetValue<decimal>()));
        var events = (await rep.GetJsonAsync($"/api/deals/{id}/events")).AsArray();
        Assert.Equal("won", events[^1]!["type"].Str());
        Assert.Equal("mN", events[^1]!["actorName"].Str());
    }

    [Fact]
    public async Task A_late_stage_needs_a_delay_reason_and_the_deduction_follows_the_attribution()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        var id = await rep.CreateDealAsync();
        _app.Clock.Advance(TimeSpan.FromDays(10)); // first visit was due after 7 days: 3 days late

        var refused = await rep.SubmitCurrentStageAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ApiClient.ReadAsync(refused);
        Assert.Equal("delayReasonRequired", problem["code"].Str());
        Assert.NotNull(problem["errors"]!["delayReason"]);

        await rep.PostJsonAsync($"/api/deals/{id}/delay-reasons", new { reason = "Customer has not provided complete consumption data", attribution = "rep" });
        var submitted = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(id), expectSuccess: true);
        await manager.PostJsonAsync($"/api/deals/{id}/submissions/{submitted.PendingSubmission()}/approve", new { });

        var lines = (await rep.GetJsonAsync($"/api/deals/{id}/score")).AsArray();
        var deduction = lines.Single(l => l!["kind"].Str() == "LateDeduction")!;
        Assert.Equal(-5m, deduction["points"]!.GetValue<decimal>()); // 3 days × 2 = 6, capped at the stage's 5 points
        Assert.Equal(3, deduction["lateDays"]!.GetValue<int>());
        Assert.Contains("rep-caused", deduction["explanation"].Str());

        // The manager confirms it was the customer's fault: the deduction is given back, as its own line.
        await manager.PostJsonAsync($"/api/deals/{id}/delay-reasons/1/reclassify", new { attribution = "customer", comment = "Checked with the customer" });
        lines = (await rep.GetJsonAsync($"/api/deals/{id}/score")).AsArray();
        var adjustment = lines.Single(l => l!["kind"].Str() == "AttributionAdjusted")!;
        Assert.Equal(5m, adjustment["points"]!.GetValue<decimal>());
        Assert.Equal(5m, lines.Sum(l => l!["points"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Sending_customer_feedback_back_to_the_demo_restarts_the_demo_stage()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        var id = await rep.CreateDealAsync();
        for (var i = 0; i < 3; i++)
        {
            var s = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(id), expectSuccess: true);
            await manager.PostJsonAsync($"/api/deals/{id}/submissions/{s.PendingSubmission()}/approve", new { });
        }
        var feedback = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(id), expectSuccess: true);
        Assert.Equal("customer-feedback", feedback["current"]!["key"].Str());

        var bad = await manager.PostAsync($"/api/deals/{id}/submissions/{feedback.PendingSubmission()}/send-back", new { comment = "Redo", toStageKey = "first-visit" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var back = await manager.PostJsonAsync($"/api/deals/{id}/submissions/{feedback.PendingSubmission()}/send-back",
            new { comment = "Customer asked for a larger storage option: demo again", toStageKey = "solution-demo" });
        Assert.Equal("solution-demo", back["current"]!["key"].Str());
        Assert.Equal(2, back["current"]!["run"]!.GetValue<int>());
        Assert.Equal("open", back["current"]!["status"].Str());
    }

    [Fact]
    public async Task Two_people_deciding_the_same_submission_at_once_exactly_one_wins()
    {
        var rep = await _app.SignInAsync("rA");
        var manager = await _app.SignInAsync("mN");
        var admin = await _app.SignInAsync("admin");
        for (var round = 0; round < 5; round++)
        {
            var id = await rep.CreateDealAsync($"Race {round}");
            var submitted = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(id), expectSuccess: true);
            var no = submitted.PendingSubmission();

            var responses = await Task.WhenAll(
                manager.PostAsync($"/api/deals/{id}/submissions/{no}/approve", new { comment = "manager" }),
                admin.PostAsync($"/api/deals/{id}/submissions/{no}/send-back", new { comment = "admin says redo" }));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            Assert.Equal("alreadyDecided", (await ApiClient.ReadAsync(loser))["code"].Str());
            var events = (await rep.GetJsonAsync($"/api/deals/{id}/events")).AsArray();
            Assert.Single(events, e => e!["type"].Str() is "approved" or "sentBack");
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e!["sequence"]!.GetValue<int>()));
        }
    }

    [Fact]
    public async Task Everything_is_still_there_after_a_restart_and_the_deal_carries_on()
    {
        var rep = await _app.SignInAsync("rA");
        var id = await rep.CreateDealAsync("Survives restarts");
        await rep.PostJsonAsync($"/api/deals/{id}/follow-ups", new { content = "Met the chief engineer on site", nextStep = "Send load data template", nextStepDate = "2026-03-05" });
        await _app.DisposeAsync();

        _app = await new TestApp(_app.Database, _app.Clock).StartAsync();
        rep = await _app.SignInAsync("rA");
        var deal = await rep.GetJsonAsync($"/api/deals/{id}");
        Assert.Equal("Survives restarts", deal["summary"]!["title"].Str());
        Assert.Equal("Met the chief engineer on site", deal["followUps"]![0]!["content"].Str());
        Assert.Equal("2026-03-05", deal["summary"]!["nextFollowUpDate"].Str());
        Assert.Equal(HttpStatusCode.OK, (await rep.SubmitCurrentStageAsync(id)).StatusCode);
    }
}

public sealed class SqliteDealApiTests() : DealApiTests(TestDatabase.Sqlite);
public sealed class PostgresDealApiTests() : DealApiTests(TestDatabase.Postgres);
