using System.Net;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>Users and teams through the admin pages: add a rep and sign in as them, guard rails, encoding, manager changes.</summary>
public sealed class UserAdminTests : AdminPageTests
{
    private Guid TeamId(string name) => Query(db => db.Teams.Single(t => t.Name == name).Id);

    [Fact]
    public async Task An_added_rep_with_a_generated_password_can_sign_in_and_sees_their_own_empty_deal_list()
    {
        var html = await AsAdmin.SubmitAsync("/Admin/Users", "Add", new()
        {
            ["New.Name"] = "Wang Fang", ["New.Email"] = "wang.fang@test.local", ["New.Role"] = Roles.Rep,
            ["New.TeamId"] = TeamId("North").ToString(), ["New.Culture"] = "en", ["New.Password"] = "",
        });
        Assert.Contains("Wang Fang was added.", html);
        var password = AdminTestKit.Secret(html);
        Assert.Equal(14, password.Length);
        Assert.Contains("wang.fang@test.local", await AsAdmin.HtmlAsync("/Admin/Users"));

        var rep = await App.SignInAsAsync("wang.fang@test.local", password);
        var me = await rep.GetJsonAsync("/api/me");
        Assert.Equal("Wang Fang", me["displayName"].Str());
        Assert.Equal(Roles.Rep, me["roles"]![0].Str());
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Http.GetAsync("/Admin/Users")).Effective());
        // Their manager (team North) now sees the new rep's deals.
        var deal = await rep.CreateDealAsync("First deal of Wang Fang");
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInEnAsync("mN")).Http.GetAsync($"/api/deals/{deal}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_reported_next_to_the_fields_and_creates_nobody()
    {
        var html = await AsAdmin.SubmitAsync("/Admin/Users", "Add", new()
        {
            ["New.Name"] = "", ["New.Email"] = "rA@test.local", ["New.Role"] = Roles.Rep, ["New.Culture"] = "en", ["New.Password"] = "short",
        });
        Assert.Contains("Enter the person&#x27;s name.", html);
        Assert.Contains("A rep needs a team", html);
        var dup = await AsAdmin.SubmitAsync("/Admin/Users", "Add", new()
        {
            ["New.Name"] = "Copy", ["New.Email"] = "rA@test.local", ["New.Role"] = Roles.Manager, ["New.Culture"] = "en", ["New.Password"] = "",
        });
        Assert.Contains("Someone already uses this email address.", dup);
        Assert.Equal(6, Query(db => db.Users.Count()));
    }

    [Fact]
    public async Task Script_in_a_name_is_shown_as_text()
    {
        const string evil = "<script>alert('x')</script>Evil";
        await AsAdmin.SubmitAsync("/Admin/Users", "Add", new()
        {
            ["New.Name"] = evil, ["New.Email"] = "evil@test.local", ["New.Role"] = Roles.Manager, ["New.Culture"] = "en", ["New.Password"] = "",
        });
        await AsAdmin.SubmitAsync("/Admin/Users/Teams", "Create", new() { ["name"] = "<img src=x onerror=alert(1)>" });
        var users = await AsAdmin.HtmlAsync("/Admin/Users");
        var teams = await AsAdmin.HtmlAsync("/Admin/Users/Teams");
        Assert.DoesNotContain("<script>alert", users);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Evil", users);
        Assert.DoesNotContain("<img src=x", teams);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", teams);
    }

    [Fact]
    public async Task The_lastAsAdmin_keeps_the_role_and_cannot_be_locked()
    {
        var id = App.UserIds["admin"];
        var html = await AsAdmin.SubmitAsync($"/Admin/Users/Edit?id={id}", "Save", new() { ["Name"] = "admin", ["Role"] = Roles.Manager, ["Culture"] = "en" });
        Assert.Contains("This is the last admin: make someone else an admin first.", html);
        var locked = await AsAdmin.SubmitAsync($"/Admin/Users/Edit?id={id}", "Lock", new() { ["locked"] = "true" });
        Assert.Contains("You cannot lock yourself out.", locked);
        Assert.Equal(Roles.Admin, (await AsAdmin.GetJsonAsync("/api/me"))["roles"]![0].Str());
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked_and_a_reset_password_works()
    {
        var id = App.UserIds["rB"];
        var html = await AsAdmin.SubmitAsync($"/Admin/Users/Edit?id={id}", "Lock", new() { ["locked"] = "true" });
        Assert.Contains("Locked: they can no longer sign in.", html);
        var anonymous = App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/auth/login", new { email = "rB@test.local", password = TestApp.Password })).StatusCode);
        await AsAdmin.SubmitAsync($"/Admin/Users/Edit?id={id}", "Lock", new() { ["locked"] = "false" });
        var reset = await AsAdmin.SubmitAsync($"/Admin/Users/Edit?id={id}", "Password", new() { ["password"] = "" });
        var password = AdminTestKit.Secret(reset);
        await App.SignInAsAsync("rB@test.local", password);
    }

    [Fact]
    public async Task A_refused_password_is_explained_once_and_the_old_one_still_works()
    {
        var id = App.UserIds["rB"];
        var refused = await AsAdmin.SubmitAsync($"/Admin/Users/Edit?id={id}", "Password", new() { ["password"] = "short" });
        Assert.Contains("A password needs at least 8 characters.", refused);
        Assert.DoesNotContain("class=\"secret\"", refused);
        Assert.DoesNotContain("A password needs at least 8 characters.", await AsAdmin.HtmlAsync("/Admin/Users/Teams"));
        await App.SignInAsAsync("rB@test.local", TestApp.Password);
    }

    [Fact]
    public async Task A_new_team_manager_decides_the_teams_submissions_and_the_old_one_no_longer_sees_them()
    {
        var deal = await (await App.SignInEnAsync("rA")).CreateDealAsync("Team change deal");
        var rep = await App.SignInEnAsync("rA");
        Assert.True((await rep.SubmitCurrentStageAsync(deal)).IsSuccessStatusCode);
        // mS becomes North's manager as well (South keeps mS too).
        var html = await AsAdmin.SubmitAsync("/Admin/Users/Teams", "Update",
            new() { ["id"] = TeamId("North").ToString(), ["name"] = "North", ["managerId"] = App.UserIds["mS"] });
        Assert.Contains("Saved.", html);

        var oldManager = await App.SignInEnAsync("mN");
        Assert.Equal(HttpStatusCode.NotFound, (await oldManager.Http.GetAsync($"/api/deals/{deal}")).StatusCode);
        var newManager = await App.SignInEnAsync("mS");
        Assert.Contains("Team change deal", await newManager.HtmlAsync("/Approvals"));
        var r = await newManager.PostFormAsync("/Approvals", "/Approvals?handler=Decide",
            new Dictionary<string, string> { ["dealId"] = deal, ["submissionNo"] = "1", ["decision"] = "approve" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("needs-analysis", (await rep.GetJsonAsync($"/api/deals/{deal}"))["current"]!["key"].Str());
    }

    [Fact]
    public async Task A_team_with_members_is_deleted_only_by_moving_them_first()
    {
        var refused = await AsAdmin.SubmitAsync("/Admin/Users/Teams", "Delete", new() { ["id"] = TeamId("South").ToString() });
        Assert.Contains("Team South still has 2 member(s): choose a team to move them to.", refused);
        var moved = await AsAdmin.SubmitAsync("/Admin/Users/Teams", "Delete", new() { ["id"] = TeamId("South").ToString(), ["moveTo"] = TeamId("North").ToString() });
        Assert.Contains("The team was deleted.", moved);
        Assert.Equal(TeamId("North"), Query(db => db.Users.Single(u => u.Id == App.UserIds["rC"]).TeamId));
    }
}
