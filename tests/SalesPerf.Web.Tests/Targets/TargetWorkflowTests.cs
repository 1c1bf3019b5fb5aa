using System.Net;
using System.Text.RegularExpressions;
using SalesPerf.Web.Targets;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Targets.TargetsTestKit;

namespace SalesPerf.Web.Tests.Targets;

/// <summary>
/// Targets through the real host and pages, as the users work: the admin sets the company's target and splits it to the
/// teams, the manager splits the team's to reps, a rep proposes a change and the manager decides. Company of the test app:
/// North (mN; rA, rB), South (mS; rC), admin; the clock stands at Mon 2 March 2026 09:00 Shanghai (quarter 2026-Q1).
/// </summary>
public abstract class TargetWorkflowTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private TestApp _app = null!;
    private const string Page = "/Targets?metric=contractValue&period=2026-Q1";
    private static string Handler(string name) => $"/Targets?handler={name}&metric=contractValue&period=2026-Q1";
    private string North => _app.TeamId("North").ToString("D");
    private string RepPage(string key) => $"/Targets/Rep/{_app.UserIds[key]}?period=2026-Q1";
    private string RepHandler(string key, string name) => $"/Targets/Rep/{_app.UserIds[key]}?handler={name}&period=2026-Q1";

    public async Task InitializeAsync() => _app = await new TestApp(database()).StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    [Fact]
    public async Task Admin_splits_the_company_target_to_teams_and_the_manager_splits_the_team_target_to_reps()
    {
        var admin = await _app.SignInEnAsync("admin");
        var (_, shown) = await admin.SubmitAsync(Page, Handler("Company"), ("value", "1,000,001"));
        Assert.Contains("value=\"1000001\"", shown);

        (_, shown) = await admin.SubmitAsync(Page, Handler("Children"), ("parentLevel", "company"), ("parentOwner", "company"), ("mode", "even"));
        Assert.Contains("the rounding remainder of 1 went to the last one, South.", shown);
        Assert.Contains("The children add up to the parent exactly.", shown);
        Assert.Equal(500_000m, _app.Target("team", North).Value);
        Assert.Equal(500_001m, _app.Target("team", _app.TeamId("South").ToString("D")).Value);

        (_, shown) = await admin.SubmitAsync(Page, Handler("Approve"), ("parentLevel", "company"), ("parentOwner", "company"));
        Assert.Contains("3 targets approved and locked.", shown);
        Assert.True(_app.Target("company", "company").Locked);

        // The manager sees the team's target and splits it by weight 1:2; the parts add up exactly.
        var mN = await _app.SignInEnAsync("mN");
        shown = await mN.TextAsync(Page);
        Assert.Contains("North: split to reps", shown);
        Assert.Contains("data-parent=\"500000\"", shown);
        (_, shown) = await mN.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "weight"),
            ("v:" + _app.UserIds["rA"], ""), ("v:" + _app.UserIds["rB"], ""), ("w:" + _app.UserIds["rA"], "1"), ("w:" + _app.UserIds["rB"], "2"));
        Assert.Contains("the rounding remainder of 1 went to the last one, rB.", shown);
        Assert.Equal(166_666m, _app.Target("rep", _app.UserIds["rA"]).Value);
        Assert.Equal(333_334m, _app.Target("rep", _app.UserIds["rB"]).Value);
        Assert.Contains("The children add up to the parent exactly.", shown);

        (_, shown) = await mN.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "even"));
        Assert.Equal(250_000m, _app.Target("rep", _app.UserIds["rA"]).Value);
        Assert.Equal(250_000m, _app.Target("rep", _app.UserIds["rB"]).Value);

        // Editing one child makes the split not add up: the page says so.
        (_, shown) = await mN.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "save"),
            ("v:" + _app.UserIds["rA"], "300000"), ("v:" + _app.UserIds["rB"], "250000"));
        Assert.Matches("class=\"mismatch bad\"[^>]*>\\s*Mismatch: the children add up to 550,000, more than the parent \\(500,000\\)", shown);

        (_, shown) = await mN.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "save"),
            ("v:" + _app.UserIds["rA"], "250000"));
        Assert.Contains("class=\"mismatch ok\"", shown);
        (_, shown) = await mN.SubmitAsync(Page, Handler("Approve"), ("parentLevel", "team"), ("parentOwner", North));
        Assert.Contains("2 targets approved and locked.", shown);

        // An approved child keeps its value: the failed save says why and shows what was typed.
        var (failed, text) = await mN.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "save"),
            ("v:" + _app.UserIds["rA"], "123456"));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("This target is approved and locked; change it with a reason and the date it applies from.", text);
        Assert.Contains("value=\"123456\"", text);
        Assert.Equal(250_000m, _app.Target("rep", _app.UserIds["rA"]).Value);

        // Another team's manager and a rep may not set these.
        var mS = await _app.SignInEnAsync("mS");
        var (other, _) = await mS.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "even"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var rA = await _app.SignInEnAsync("rA");
        var (rep, _) = await rA.SubmitAsync(Page, Handler("Company"), ("value", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, rep.StatusCode);
        Assert.Equal(1_000_001m, _app.Target("company", "company").Value);
    }

    private async Task<ApiClient> RepTargetsAsync(decimal rA, decimal rB)
    {
        var mN = await _app.SignInEnAsync("mN");
        await mN.SubmitAsync(Page, Handler("Children"), ("parentLevel", "team"), ("parentOwner", North), ("mode", "save"),
            ("v:" + _app.UserIds["rA"], rA.ToString()), ("v:" + _app.UserIds["rB"], rB.ToString()));
        var (_, shown) = await mN.SubmitAsync(Page, Handler("Approve"), ("parentLevel", "team"), ("parentOwner", North));
        Assert.Contains("2 targets approved and locked.", shown);
        return mN;
    }

    private static List<string> LogLines(string html, Guid targetId)
    {
        var card = html[html.IndexOf($"id=\"t-{targetId}\"", StringComparison.Ordinal)..];
        return Regex.Matches(card[..card.IndexOf("</section>", StringComparison.Ordinal)], "<tr class=\"logline\">(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "|")).ToList();
    }

    [Fact]
    public async Task A_rep_proposes_a_change_with_a_comment_and_only_the_manager_approves_it_which_locks_and_logs_it()
    {
        var mN = await RepTargetsAsync(300_000m, 200_000m);
        var target = _app.Target("rep", _app.UserIds["rA"]);
        var rA = await _app.SignInEnAsync("rA");
        Assert.Contains("300,000", await rA.TextAsync(RepPage("rA")));

        // No comment: the form says so and keeps the value typed.
        var (failed, text) = await rA.SubmitAsync(RepPage("rA"), RepHandler("rA", "Propose"), ("targetId", target.Id.ToString()), ("value", "280000"), ("comment", " "),
            ("effectiveFrom", "2026-03-02"));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("Say why you propose the change.", text);
        Assert.Contains("value=\"280000\"", text);

        var (_, shown) = await rA.SubmitAsync(RepPage("rA"), RepHandler("rA", "Propose"), ("targetId", target.Id.ToString()), ("value", "280000"),
            ("comment", "Customer budget cut by the grid company"), ("effectiveFrom", "2026-03-02"));
        Assert.Contains("Proposed change: 300,000 → 280,000, from 2026-03-02.", shown);
        Assert.DoesNotContain("name=\"decision\"", shown); // the rep gets no approve button for their own proposal
        var proposal = _app.Proposal(target.Id);

        // A forged decision by the rep on the page and through the API: refused, still pending.
        var (forged, forgedText) = await rA.SubmitAsync(RepPage("rA"), RepHandler("rA", "Decide"), ("proposalId", proposal.Id.ToString()),
            ("targetId", target.Id.ToString()), ("decision", "approve"), ("comment", "fine by me"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("You cannot decide your own proposal; your manager does.", forgedText);
        Assert.Equal(HttpStatusCode.Forbidden, (await rA.PostAsync($"/api/targets/proposals/{proposal.Id}/approve", new { comment = "fine by me" })).StatusCode);
        Assert.Equal(ProposalStatuses.Pending, _app.Proposal(target.Id).Status);
        Assert.Equal(300_000m, _app.Target("rep", _app.UserIds["rA"]).Value);

        // The manager sees it waiting, must give a comment, approves.
        Assert.Contains("Proposals waiting for your decision", await mN.TextAsync(Page));
        (failed, text) = await mN.SubmitAsync(RepPage("rA"), RepHandler("rA", "Decide"), ("proposalId", proposal.Id.ToString()), ("targetId", target.Id.ToString()),
            ("decision", "approve"), ("comment", ""), ("effectiveFrom", "2026-03-02"));
        Assert.Contains("Say why you approve.", text);
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        (_, shown) = await mN.SubmitAsync(RepPage("rA"), RepHandler("rA", "Decide"), ("proposalId", proposal.Id.ToString()), ("targetId", target.Id.ToString()),
            ("decision", "approve"), ("comment", "Agreed: budget cut confirmed"), ("effectiveFrom", "2026-03-02"));
        Assert.Contains("Proposal approved; the target is locked.", shown);
        var after = _app.Target("rep", _app.UserIds["rA"]);
        Assert.Equal((280_000m, TargetStatuses.Approved, true), (after.Value, after.Status, after.Locked));

        // The rep's page shows the log: who, when, old, new, why, from when.
        var log = LogLines(await rA.TextAsync(RepPage("rA")), target.Id);
        var approved = Assert.Single(log, l => l.Contains("Proposal approved"));
        Assert.Contains("2026-03-02 09:30", approved);
        Assert.Contains("|mN|", approved);
        Assert.Contains("|300,000|", approved);
        Assert.Contains("|280,000|", approved);
        Assert.Contains("|2026-03-02|", approved);
        Assert.Contains("Agreed: budget cut confirmed", approved);
        Assert.Contains(log, l => l.Contains("Change proposed") && l.Contains("|rA|") && l.Contains("Customer budget cut by the grid company"));
    }

    [Fact]
    public async Task The_manager_rejects_a_proposal_with_a_comment_and_the_target_keeps_its_value()
    {
        var mN = await RepTargetsAsync(300_000m, 200_000m);
        var target = _app.Target("rep", _app.UserIds["rB"]);
        var rB = await _app.SignInEnAsync("rB");
        await rB.SubmitAsync(RepPage("rB"), RepHandler("rB", "Propose"), ("targetId", target.Id.ToString()), ("value", "150000"), ("comment", "Lost the key account"),
            ("effectiveFrom", "2026-03-09"));
        var proposal = _app.Proposal(target.Id);
        var (_, shown) = await mN.SubmitAsync(RepPage("rB"), RepHandler("rB", "Decide"), ("proposalId", proposal.Id.ToString()), ("targetId", target.Id.ToString()),
            ("decision", "reject"), ("comment", "Target stays: the pipeline is strong"));
        Assert.Contains("Proposal rejected.", shown);
        var after = _app.Target("rep", _app.UserIds["rB"]);
        Assert.Equal((200_000m, TargetStatuses.Approved, true), (after.Value, after.Status, after.Locked));
        var log = LogLines(await rB.TextAsync(RepPage("rB")), target.Id);
        Assert.Contains(log, l => l.Contains("Proposal rejected") && l.Contains("|mN|") && l.Contains("Target stays: the pipeline is strong"));
        // Decided once: a second decision is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await mN.PostAsync($"/api/targets/proposals/{proposal.Id}/approve", new { comment = "changed my mind" })).StatusCode);
    }

    [Fact]
    public async Task A_rep_cannot_see_another_reps_targets_on_the_pages_or_the_api()
    {
        await RepTargetsAsync(310_000m, 270_000m);
        var rA = await _app.SignInEnAsync("rA");
        var mine = await rA.TextAsync(Page);
        Assert.Contains("310,000", mine);
        Assert.DoesNotContain("270,000", mine);
        Assert.Equal(HttpStatusCode.NotFound, (await rA.GetAsync(RepPage("rB"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rA.GetAsync($"/api/targets/reps/{_app.UserIds["rB"]}?period=2026-Q1")).StatusCode);
        var own = await rA.GetJsonAsync("/api/targets?period=2026-Q1");
        Assert.Equal([310_000m], own["mine"]!.AsArray().Select(t => t!["value"]!.GetValue<decimal>()));
        // A rep cannot propose on someone else's target either.
        var rBTarget = _app.Target("rep", _app.UserIds["rB"]);
        Assert.Equal(HttpStatusCode.NotFound, (await rA.PostAsync($"/api/targets/{rBTarget.Id}/proposals", new { value = 1, comment = "x" })).StatusCode);

        var mS = await _app.SignInEnAsync("mS");
        Assert.Equal(HttpStatusCode.NotFound, (await mS.GetAsync(RepPage("rA"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mS.GetAsync($"/api/targets/reps/{_app.UserIds["rA"]}")).StatusCode);
        var mN = await _app.SignInEnAsync("mN");
        Assert.Contains("270,000", await mN.TextAsync(RepPage("rB")));
        var admin = await _app.SignInEnAsync("admin");
        var rep = await admin.GetJsonAsync($"/api/targets/reps/{_app.UserIds["rB"]}?period=2026-Q1");
        Assert.Equal(270_000m, rep["targets"]![0]!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_approved_target_changes_only_with_a_reason_from_a_day_not_yet_past()
    {
        var mN = await RepTargetsAsync(300_000m, 200_000m);
        var target = _app.Target("rep", _app.UserIds["rA"]);
        var (_, text) = await mN.SubmitAsync(RepPage("rA"), RepHandler("rA", "Edit"), ("targetId", target.Id.ToString()), ("value", "330000"), ("reason", ""),
            ("effectiveFrom", "2026-03-01"));
        Assert.Contains("A change cannot apply to days already past; choose today or a later day.", text);
        Assert.Contains("Give the reason for the change.", text);
        Assert.Contains("value=\"330000\"", text);
        Assert.Equal(300_000m, _app.Target("rep", _app.UserIds["rA"]).Value);

        var (_, shown) = await mN.SubmitAsync(RepPage("rA"), RepHandler("rA", "Edit"), ("targetId", target.Id.ToString()), ("value", "330000"),
            ("reason", "New substation project added to the territory"), ("effectiveFrom", "2026-03-11"));
        Assert.Contains("Target changed from 2026-03-11.", shown);
        Assert.Contains(LogLines(shown, target.Id), l => l.Contains("Changed with a reason") && l.Contains("|300,000|") && l.Contains("|330,000|")
                                                         && l.Contains("|2026-03-11|") && l.Contains("New substation project"));
        // The rep cannot change their own approved target this way.
        var rA = await _app.SignInEnAsync("rA");
        var (denied, _) = await rA.SubmitAsync(RepPage("rA"), RepHandler("rA", "Edit"), ("targetId", target.Id.ToString()), ("value", "1"), ("reason", "x"),
            ("effectiveFrom", "2026-03-20"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Two_deciders_at_once_give_one_decision_and_one_conflict_and_the_manager_sees_the_proposal_in_the_api()
    {
        await RepTargetsAsync(300_000m, 200_000m);
        var target = _app.Target("rep", _app.UserIds["rA"]);
        var rA = await _app.SignInEnAsync("rA");
        Assert.Equal(HttpStatusCode.OK, (await rA.PostAsync($"/api/targets/{target.Id}/proposals", new { value = 250_000, comment = "Smaller territory" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await rA.PostAsync($"/api/targets/{target.Id}/proposals", new { value = 240_000, comment = "Again" })).StatusCode);
        var mN = await _app.SignInEnAsync("mN");
        var waiting = (await mN.GetJsonAsync("/api/targets?period=2026-Q1"))["pendingProposals"]!.AsArray();
        var seen = Assert.Single(waiting);
        Assert.Equal(("2026-Q1", 250_000m, "Smaller territory"), (seen!["period"]!.GetValue<string>(), seen["proposed"]!.GetValue<decimal>(), seen["comment"]!.GetValue<string>()));
        var id = seen["id"]!.GetValue<Guid>();
        var admin = await _app.SignInEnAsync("admin");
        var answers = await Task.WhenAll(
            mN.PostAsync($"/api/targets/proposals/{id}/approve", new { comment = "ok" }),
            admin.PostAsync($"/api/targets/proposals/{id}/reject", new { comment = "no" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var after = _app.Target("rep", _app.UserIds["rA"]);
        var decided = _app.Proposal(target.Id);
        Assert.Equal(decided.Status == ProposalStatuses.Approved ? 250_000m : 300_000m, after.Value);
        Assert.Equal(TargetStatuses.Approved, after.Status);
    }

    [Fact]
    public async Task The_pages_speak_chinese_and_every_role_has_the_link()
    {
        await RepTargetsAsync(300_000m, 250_000m);
        foreach (var who in new[] { "rA", "mN", "admin" })
        {
            var zh = await _app.SignInAsync(who); // no Accept-Language: the portal's default, Chinese
            var html = await zh.TextAsync("/Targets?period=2026-Q1");
            Assert.Contains("<a class=\"on\" href=\"/Targets\">目标</a>", html);
        }
        var rA = await _app.SignInAsync("rA");
        var mine = await rA.TextAsync(RepPage("rA"));
        Assert.Contains("申请调整目标", mine);
        Assert.Contains("变更记录", mine);
        Assert.Contains("已批准", mine);
        var mN = await _app.SignInAsync("mN");
        // No team target yet: the split says to set the parent first; the admin sets it, now the split does not add up.
        Assert.Contains("请先设定上级目标。", await mN.TextAsync(Page));
        var admin = await _app.SignInEnAsync("admin");
        await admin.SubmitAsync(Page, Handler("Children"), ("parentLevel", "company"), ("parentOwner", "company"), ("mode", "save"), ("v:" + North, "600000"));
        Assert.Contains("不一致：下级合计 550,000，少于上级目标（600,000）。", await mN.TextAsync(Page));
    }
}

public sealed class SqliteTargetWorkflowTests() : TargetWorkflowTests(TestDatabase.Sqlite);
public sealed class PostgresTargetWorkflowTests() : TargetWorkflowTests(TestDatabase.Postgres);
