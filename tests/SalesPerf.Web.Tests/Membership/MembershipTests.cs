using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Membership;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Admin;
using SalesPerf.Web.Tests.Infrastructure;
using static SalesPerf.Web.Tests.Evaluations.EvaluationTestKit;

namespace SalesPerf.Web.Tests.Membership;

/// <summary>
/// Team membership has history: a rep's work counts for the team they were in when they did it, the old manager keeps the
/// old reports, a newcomer is not in the months before they came. Through the real host, on SQLite and on PostgreSQL.
/// </summary>
public abstract class MembershipTests(Func<TestDatabase> database) : IAsyncLifetime
{
    private const string Mover = "Moved Mover";      // rA, moved from North to South on 15 March
    private const string Stayer = "Steady Stayer";    // rB, in North all along, nothing to do in March
    private const string Newcomer = "Newcomer Nina";  // added on 3 April
    private static readonly EvaluationPeriod MarchPeriod = ReportPeriod.Month(2026, 3);
    private TestApp _app = null!;
    private Guid _north, _south;

    public async Task InitializeAsync()
    {
        _app = await new TestApp(database()).StartAsync();
        await _app.RenameAsync("rA", Mover);
        await _app.RenameAsync("rB", Stayer);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        _north = db.Teams.Single(t => t.Name == "North").Id;
        _south = db.Teams.Single(t => t.Name == "South").Id;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _app.Database.Dispose();
    }

    private static string Month(int month) => $"from=2026-{month:00}-01&to=2026-{month:00}-{DateTime.DaysInMonth(2026, month):00}&lang=en";
    private string RepUrl(string key, int month) => $"/api/reports/reps/{_app.UserIds[key]}.pdf?{Month(month)}";
    private string TeamUrl(Guid team, int month) => $"/api/reports/teams/{team}.pdf?{Month(month)}";

    /// <summary>Local 09:00 in Shanghai on a day of 2026.</summary>
    private void SetDay(int month, int day) => _app.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 1, 0, 0, TimeSpan.Zero));

    private async Task MoveAsync(string key, Guid team)
    {
        var admin = await _app.SignInEnAsync("admin");
        await admin.SubmitAsync($"/Admin/Users/Edit?id={_app.UserIds[key]}", "Save",
            new() { ["Name"] = key == "rA" ? Mover : key, ["Role"] = Roles.Rep, ["TeamId"] = team.ToString(), ["Culture"] = "en" });
    }

    private async Task<ReportTeam> TeamAsync(Guid team, EvaluationPeriod period)
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<EvaluationLoader>().TeamAsync(team, period))!;
    }

    /// <summary>rA works in North in early March, moves to South on the 15th (admin page), works there; then it is 3 April.</summary>
    private async Task MoveMidMarchAsync()
    {
        var rep = await _app.SignInAsync("rA");
        var northDeal = await rep.CreateDealAsync("North grid upgrade");
        await rep.PostJsonAsync($"/api/deals/{northDeal}/follow-ups", new { content = "First visit for North", customerNeeds = "Load data" });
        SetDay(3, 15);
        await MoveAsync("rA", _south);
        SetDay(3, 16);
        var southDeal = await rep.CreateDealAsync("South storage project");
        await rep.PostJsonAsync($"/api/deals/{southDeal}/follow-ups", new { content = "First visit for South", customerNeeds = "Storage needs" });
        SetDay(4, 3);
    }

    [Fact]
    public async Task A_rep_moved_on_the_15th_is_in_both_teams_packs_for_that_month_each_with_its_part()
    {
        await MoveMidMarchAsync();

        var north = await TeamAsync(_north, MarchPeriod);
        var south = await TeamAsync(_south, MarchPeriod);
        var rA = _app.UserIds["rA"];
        Assert.Contains(north.Reps, r => r.Id == rA);
        Assert.Contains(south.Reps, r => r.Id == rA);
        Assert.Equal(new EvaluationPeriod(new(2026, 3, 1), new(2026, 3, 15)), north.Presence[rA]);
        Assert.Equal(new EvaluationPeriod(new(2026, 3, 15), new(2026, 4, 1)), south.Presence[rA]);
        Assert.False(north.Presence.ContainsKey(_app.UserIds["rB"])); // rB was in North the whole month

        // What the managers download: both packs list the mover, each saying which part of March counts.
        var northPack = Text(await (await _app.SignInAsync("mN")).PdfAsync(TeamUrl(_north, 3)));
        var southPack = Text(await (await _app.SignInAsync("mS")).PdfAsync(TeamUrl(_south, 3)));
        Assert.Contains(Squash(Mover), northPack);
        Assert.Contains(Squash(Mover), southPack);
        Assert.Contains(Squash("Present in the team from 2026-03-01 to 2026-03-14"), northPack);
        Assert.Contains(Squash("Present in the team from 2026-03-15 to 2026-03-31"), southPack);
        Assert.Contains(Squash(Stayer), northPack);
        Assert.DoesNotContain(Squash(Stayer), southPack);
        // Each team's pack has the work done for it: the North deal in North's, the South deal in South's.
        Assert.Contains(Squash("North grid upgrade"), northPack);
        Assert.Contains(Squash("South storage project"), southPack);
        Assert.DoesNotContain(Squash("North grid upgrade"), southPack);

        // April: the mover is only South's.
        Assert.DoesNotContain(Squash(Mover), Text(await (await _app.SignInAsync("mN")).PdfAsync(TeamUrl(_north, 4))));
        Assert.Contains(Squash(Mover), Text(await (await _app.SignInAsync("mS")).PdfAsync(TeamUrl(_south, 4))));
    }

    [Fact]
    public async Task The_old_manager_keeps_the_old_reports_and_the_new_manager_gets_only_the_periods_the_rep_was_theirs()
    {
        await MoveMidMarchAsync();
        var cases = new (string Who, string Url, HttpStatusCode Expected)[]
        {
            ("mN", RepUrl("rA", 2), HttpStatusCode.OK),        // all February in North
            ("mN", RepUrl("rA", 3), HttpStatusCode.OK),        // North's part of March
            ("mN", RepUrl("rA", 4), HttpStatusCode.NotFound),  // April: not theirs
            ("mS", RepUrl("rA", 2), HttpStatusCode.NotFound),  // February: not yet theirs
            ("mS", RepUrl("rA", 3), HttpStatusCode.OK),
            ("mS", RepUrl("rA", 4), HttpStatusCode.OK),
            ("mS", TeamUrl(_north, 2), HttpStatusCode.Forbidden), // the old team's pack stays North's manager's
            ("mS", TeamUrl(_north, 3), HttpStatusCode.Forbidden),
            ("mN", TeamUrl(_north, 3), HttpStatusCode.OK),
            ("rA", RepUrl("rA", 2), HttpStatusCode.OK),
        };
        var failures = new List<string>();
        foreach (var (who, url, expected) in cases)
        {
            var response = await (await _app.SignInAsync(who)).Http.GetAsync(url);
            if (response.StatusCode != expected) failures.Add($"{who} {url}: {(int)response.StatusCode}, expected {(int)expected}");
        }
        Assert.Empty(failures);

        // The old manager's February report is the North one; the March one tells which part counted.
        var mN = await _app.SignInAsync("mN");
        var february = Text(await mN.PdfAsync(RepUrl("rA", 2)));
        Assert.Contains("North", february);
        // The rep's own March report is in the team with more March days (South: 17 of 31) and says so.
        var march = Text(await (await _app.SignInAsync("rA")).PdfAsync(RepUrl("rA", 3)));
        Assert.Contains(Squash("Present in the team from 2026-03-15 to 2026-03-31"), march);

        // On the report page too: the old manager opens the mover's March page (200), the new manager not February's.
        var page = await (await _app.SignInEnAsync("mN")).HtmlAsync($"/Reports?rep={_app.UserIds["rA"]}&kind=month&month=2026-03");
        Assert.Contains(Mover, page);
        Assert.Contains("judged on that part of the period", page);
        var mS = await _app.SignInEnAsync("mS");
        Assert.Equal(HttpStatusCode.NotFound, (await mS.Http.GetAsync($"/Reports?rep={_app.UserIds["rA"]}&kind=month&month=2026-02")).StatusCode);
        // Deals stay with today's team: the new manager sees the mover's deals, the old one no longer does.
        Assert.Equal(2, (await mS.GetJsonAsync("/api/deals"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await mN.GetJsonAsync("/api/deals"))["total"]?.GetValue<int>() ?? 0);
    }

    [Fact]
    public async Task The_user_page_shows_the_team_history_in_both_languages()
    {
        await MoveMidMarchAsync();
        var admin = await _app.SignInEnAsync("admin");
        var html = await admin.HtmlAsync($"/Admin/Users/Edit?id={_app.UserIds["rA"]}");
        var history = Regex.Match(html, "<section class=\"card\" id=\"team-history\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("Team history", history);
        var rows = Regex.Matches(history, "<tr><td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td></tr>", RegexOptions.Singleline)
            .Select(m => $"{m.Groups[1].Value} | {m.Groups[2].Value} | {m.Groups[3].Value}").ToList();
        Assert.Equal(["South | 2026-03-15 | still in it", "North | before the history was kept | 2026-03-15"], rows);

        var zh = await _app.SignInAsync("admin");
        zh.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var zhHtml = await zh.HtmlAsync($"/Admin/Users/Edit?id={_app.UserIds["rA"]}");
        Assert.Contains("团队经历", zhHtml);
        Assert.Contains("至今", zhHtml);
        Assert.Contains("记录开始之前", zhHtml);
    }

    [Fact]
    public async Task A_rep_added_today_is_not_in_last_months_pack_or_ranking_and_a_rep_with_nothing_to_do_is_not_scored()
    {
        var rep = await _app.SignInAsync("rA");
        var deal = await rep.CreateDealAsync("North grid upgrade");
        await rep.PostJsonAsync($"/api/deals/{deal}/follow-ups", new { content = "First visit", customerNeeds = "Load data" });
        SetDay(4, 3);
        var admin = await _app.SignInEnAsync("admin");
        var added = await admin.SubmitAsync("/Admin/Users", "Add", new()
        {
            ["New.Name"] = Newcomer, ["New.Email"] = "nina@test.local", ["New.Role"] = Roles.Rep,
            ["New.TeamId"] = _north.ToString(), ["New.Culture"] = "en", ["New.Password"] = TestApp.Password,
        });
        Assert.Contains(Newcomer, added);

        // The March pack (PDF and page) does not have her; April's does, from the day she came.
        var mN = await _app.SignInEnAsync("mN");
        var marchPack = Text(await mN.PdfAsync(TeamUrl(_north, 3)));
        Assert.Contains(Squash(Mover), marchPack);
        Assert.DoesNotContain(Squash(Newcomer), marchPack);
        var marchPage = await mN.HtmlAsync($"/Reports?team={_north}&kind=month&month=2026-03");
        var ranking = Regex.Match(marchPage, "<table class=\"list ranking\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains(Mover, ranking);
        Assert.DoesNotContain(Newcomer, ranking);
        Assert.True(Regex.IsMatch(ranking, $"<td class=\"num\">—</td><td><a [^>]+>{Stayer}</a>\\s*<small class=\"muted\">\\s*not scored</small>\\s*</td><td class=\"num\"><strong>—</strong>"), ranking);
        var april = await TeamAsync(_north, ReportPeriod.Month(2026, 4));
        var nina = april.Reps.Single(r => r.Name == Newcomer).Id;
        Assert.Equal(new EvaluationPeriod(new(2026, 4, 3), new(2026, 5, 1)), april.Presence[nina]);
        Assert.Equal(HttpStatusCode.NotFound, (await mN.Http.GetAsync($"/api/reports/reps/{nina}.pdf?{Month(3)}")).StatusCode);

        // The monthly mail's March ranking: the mover ranked, the newcomer absent, the stayer "not scored" (not 0.0, last).
        using (var scope = _app.Services.CreateScope())
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<MonthlyPack>().QueueDueAsync());
        string mail;
        using (var scope = _app.Services.CreateScope())
            mail = (await scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>().Set<OutboxMessageRecord>().AsNoTracking()
                .SingleAsync(m => m.Kind == "monthly-pack" && m.RecipientId == _app.UserIds["mN"])).TextBody;
        Assert.DoesNotContain(Newcomer, mail);
        Assert.Matches($@"1\. {Mover}: total \d+\.\d", mail);
        Assert.Contains($"{Stayer}: not scored", mail);
        Assert.DoesNotContain($"{Stayer}: total", mail);
        var moverTotal = Regex.Match(mail, $@"{Mover}: total (\d+\.\d) \(team average (\d+\.\d)\)");
        Assert.Equal(moverTotal.Groups[1].Value, moverTotal.Groups[2].Value); // the unscored stayer does not pull the average down
    }

    [Fact]
    public async Task Deleting_a_team_that_moves_its_members_closes_their_rows_and_opens_new_ones_the_same_day()
    {
        SetDay(3, 20);
        var admin = await _app.SignInEnAsync("admin");
        await admin.SubmitAsync("/Admin/Users/Teams", "Delete", new() { ["id"] = _south.ToString(), ["moveTo"] = _north.ToString() });
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        Assert.False(await db.Teams.AnyAsync(t => t.Id == _south));
        var history = await db.HistoryAsync(_app.UserIds["rC"]);
        Assert.Equal([$"{_north} 2026-03-20 -", $"{_south} 2000-01-01 2026-03-20"],
            history.Select(h => $"{h.TeamId} {h.From:yyyy-MM-dd} {(h.To is { } to ? to.ToString("yyyy-MM-dd") : "-")}"));
        // rC's March counts for North from the 20th (South is gone, so its part has no pack any more).
        var north = await TeamAsync(_north, MarchPeriod);
        Assert.Equal(new EvaluationPeriod(new(2026, 3, 20), new(2026, 4, 1)), north.Presence[_app.UserIds["rC"]]);
    }

    [Fact]
    public async Task The_migration_backfills_one_open_row_for_every_user_with_a_team()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        // Back to the schema before the migration (as an existing database was), then migrate as at start-up.
        var migration = db.Database.GetAppliedMigrations().Single(m => m.EndsWith("_TeamMemberships", StringComparison.Ordinal));
        await db.Database.ExecuteSqlRawAsync("DROP TABLE \"TeamMemberships\"");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {0}", migration);
        await db.Database.MigrateAsync();

        var rows = await db.TeamMemberships.AsNoTracking().ToListAsync();
        var members = await db.Users.AsNoTracking().Where(u => u.TeamId != null).Select(u => new { u.Id, u.TeamId }).ToListAsync();
        Assert.Equal(5, members.Count); // mN, mS, rA, rB, rC; the admin has no team
        Assert.Equal(members.Select(m => $"{m.Id} {m.TeamId} {TeamMembershipRecord.Beginning:yyyy-MM-dd} open").Order(),
            rows.Select(r => $"{r.UserId} {r.TeamId} {r.From:yyyy-MM-dd} {(r.To is null ? "open" : "closed")}").Order());
    }
}

public sealed class SqliteMembershipTests() : MembershipTests(TestDatabase.Sqlite);
public sealed class PostgresMembershipTests() : MembershipTests(TestDatabase.Postgres);
