using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Web.Notifications;

/// <summary>
/// The weekly performance digest (绩效周报): for each rep last week's approved and late stages, score changes with
/// their reasons and what is due next week; for each manager the team's summary, pending approvals with decide links
/// and stalled deals. Queued once per period for each person: the outbox key is "digest:{user}:{period}".
/// </summary>
public sealed class WeeklyDigest(SalesPerfDbContext db, UserManager<AppUser> users, Outbox outbox, ApprovalLinks links, FlowCatalog flows, Deals.DealStore deals,
    MailTemplates templates, CalendarProvider calendars, IOptions<MailOptions> options, TimeProvider clock, Evaluations.ReportService reports)
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromDays(14);

    /// <summary>The start of the current digest period: the latest configured day and time at or before now.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset now)
    {
        var zone = calendars.Zone;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = local.Date.AddDays(-(((int)local.DayOfWeek - (int)options.Value.DigestDay + 7) % 7));
        var start = day + options.Value.DigestTime;
        if (start > local.DateTime) start = start.AddDays(-7);
        return ZonedTime.Instant(start, zone);
    }

    public async Task<int> QueueDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var period = PeriodStart(now);
        var key = TimeZoneInfo.ConvertTime(period, calendars.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reps = (await users.GetUsersInRoleAsync(Roles.Rep)).Where(u => u.Email is { Length: > 0 }).ToList();
        var managers = (await users.GetUsersInRoleAsync(Roles.Manager)).Where(u => u.Email is { Length: > 0 }).ToList();
        // The worker asks every few seconds: find the period's digests already queued in one query and build only the missing ones.
        var keys = reps.Concat(managers).Select(u => DedupKey(u, key)).ToList();
        var sent = await db.Set<OutboxMessageRecord>().AsNoTracking().Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct);
        var done = sent.ToHashSet(StringComparer.Ordinal);
        var queued = 0;
        foreach (var rep in reps)
            if (!done.Contains(DedupKey(rep, key)) && await QueueAsync(rep, await RepBodyAsync(rep, period, ct), key, ct)) queued++;
        foreach (var manager in managers)
            if (!done.Contains(DedupKey(manager, key)) && await QueueAsync(manager, await ManagerBodyAsync(manager, period, now, ct), key, ct)) queued++;
        return queued;
    }

    private static string DedupKey(AppUser user, string period) => $"digest:{user.Id}:{period}";

    /// <summary>Queues the digest unless it was queued meanwhile (the outbox ignores a key it has).</summary>
    private async Task<bool> QueueAsync(AppUser user, (string Text, string Html) body, string period, CancellationToken ct)
    {
        var mail = templates.Render("weekly-digest", user.Culture,
            new Dictionary<string, string> { ["recipient"] = user.DisplayName, ["period"] = period, ["body"] = body.Text },
            new Dictionary<string, string> { ["body"] = body.Html });
        return await outbox.EnqueueAsync(new OutboxMessageRecord
        {
            DedupKey = DedupKey(user, period), Kind = "weekly-digest", RecipientId = user.Id, ToAddress = user.Email!, ToName = user.DisplayName,
            Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html,
        }, ct);
    }

    private async Task<(string, string)> RepBodyAsync(AppUser rep, DateTimeOffset period, CancellationToken ct)
    {
        var zh = MailTemplates.CultureOf(rep.Culture) == "zh-CN";
        var from = period.AddDays(-7);
        var lines = await db.ScoreEntries.AsNoTracking().Where(e => e.RepId == rep.Id && e.At >= from && e.At < period).ToListAsync(ct);
        var dueNext = await db.Deals.AsNoTracking()
            .Where(d => d.RepId == rep.Id && d.Status == DealStatus.Active && d.CurrentDueAt != null && d.CurrentDueAt < period.AddDays(7))
            .OrderBy(d => d.CurrentDueAt).Take(20).ToListAsync(ct);
        var b = new DigestBuilder();
        b.Heading(zh ? "上周完成的阶段" : "Stages approved last week", lines.Count(l => l.Kind == Engine.Scoring.ScoreKind.StageApproved));
        b.Heading(zh ? "上周逾期的阶段" : "Stages approved late last week", lines.Count(l => l.Kind == Engine.Scoring.ScoreKind.LateDeduction));
        if (await MonthTotalAsync(rep, new HashSet<string> { Roles.Rep }, rep.Id, zh, ct) is { } total) b.Section(zh ? "本月评估" : "This month's evaluation", [total]);
        b.Section(zh ? "上周得分流水（扣分计入评估总分）" : "Points ledger last week (deductions count in the evaluation total)", lines.OrderBy(l => l.At).Select(l => $"{l.Points:+0.##;-0.##} · {l.Explanation}"));
        var stageNames = new List<string>();
        foreach (var d in dueNext)
        {
            var stage = (await flows.GetAsync(d.FlowDefinitionId, d.FlowVersion, ct)).Find(d.CurrentStageKey);
            stageNames.Add($"{d.Title} · {stage?.Name.For(rep.Culture)} · {Local(d.CurrentDueAt!.Value, rep)}{(d.CurrentDueAt < clock.GetUtcNow() ? (zh ? " (已逾期)" : " (overdue)") : "")}");
        }
        b.Section(zh ? "下周到期（含已逾期）" : "Due next week (and overdue)", stageNames);
        return b.Build();
    }

    /// <summary>The rep's evaluation total for the month so far, from the one evaluation model, as the viewer may see it.</summary>
    private async Task<string?> MonthTotalAsync(AppUser viewer, HashSet<string> roles, string repId, bool zh, CancellationToken ct)
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone);
        var month = Evaluations.ReportPeriod.Month(today.Year, today.Month);
        var scope = await AccessScope.ForUserAsync(viewer.Id, roles, db, ct);
        if ((await reports.RepAsync(scope, repId, month, zh ? "zh-CN" : "en", ct)).Value is not { } e) return null;
        var m = month.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var total = e.TotalScore.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return !e.Scored ? (zh ? $"{m} 评估：不计分" : $"{m} evaluation: not scored")
            : zh ? $"{m} 评估至今 {total} 分（团队第 {e.Rank}/{e.TeamSize}）" : $"{m} evaluation so far: {total} (rank {e.Rank} of {e.TeamSize})";
    }

    private async Task<(string, string)> ManagerBodyAsync(AppUser manager, DateTimeOffset period, DateTimeOffset now, CancellationToken ct)
    {
        var zh = MailTemplates.CultureOf(manager.Culture) == "zh-CN";
        var scope = await AccessScope.ForUserAsync(manager.Id, new HashSet<string> { Roles.Manager }, db, ct);
        var reps = await db.Users.AsNoTracking().Where(u => scope.ManagedRepIds.Contains(u.Id)).ToListAsync(ct);
        var from = period.AddDays(-7);
        var b = new DigestBuilder();
        var summary = new List<string>();
        foreach (var rep in reps.OrderBy(r => r.DisplayName))
        {
            var approved = await db.ScoreEntries.CountAsync(e => e.RepId == rep.Id && e.At >= from && e.At < period && e.Kind == Engine.Scoring.ScoreKind.StageApproved, ct);
            var overdue = await db.Deals.CountAsync(d => d.RepId == rep.Id && d.Status == DealStatus.Active && d.CurrentStageStatus == StageRunStatus.Open && d.CurrentDueAt < now, ct);
            var total = await MonthTotalAsync(manager, new HashSet<string> { Roles.Manager }, rep.Id, zh, ct);
            summary.Add((zh ? $"{rep.DisplayName}：上周完成 {approved} 个阶段，当前逾期 {overdue} 个" : $"{rep.DisplayName}: {approved} stages approved last week, {overdue} overdue now")
                        + (total is null ? "" : " · " + total));
        }
        b.Section(zh ? "团队概况" : "Team summary", summary);
        var visible = scope.VisibleDeals(db.Deals.AsNoTracking());
        var pending = await visible.Where(d => d.CurrentStageStatus == StageRunStatus.Submitted && d.Status == DealStatus.Active)
            .OrderBy(d => d.LastActivityAt).Take(30).ToListAsync(ct);
        var approvals = new List<(string, string?)>();
        foreach (var d in pending)
        {
            // The link is bound to the stage run that waits, as the deal's own state knows it.
            if (await deals.LoadAsync(d.Id, ct) is not { Current: { Pending: { } waiting } run }) continue;
            var token = await links.CreateTokenAsync(d.Id, waiting.SubmissionNo, manager.Id, run.StageKey, run.Run, ct);
            approvals.Add(($"{d.Title} · {d.CurrentStageKey}", links.UrlFor(token)));
        }
        b.Links(zh ? "待审批" : "Waiting for your approval", approvals);
        var stalledBefore = now - StalledAfter;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendars.Zone).DateTime);
        var stalled = await visible.Where(d => d.Status == DealStatus.Active && d.LastActivityAt < stalledBefore && (d.NextFollowUpDate == null || d.NextFollowUpDate < today))
            .OrderBy(d => d.LastActivityAt).Take(20).ToListAsync(ct);
        b.Section(zh ? "停滞的商机（14 天无进展）" : "Stalled deals (no activity for 14 days)", stalled.Select(d => $"{d.Title} · {Local(d.LastActivityAt, manager)}"));
        return b.Build();
    }

    private string Local(DateTimeOffset at, AppUser reader) =>
        TimeZoneInfo.ConvertTime(at, UserTimeZones.For(reader, calendars.Zone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The digest's body as plain text and HTML, section by section.</summary>
    private sealed class DigestBuilder
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public void Heading(string title, int count)
        {
            _text.Append($"{title}: {count}\n");
            _html.Append($"<p><strong>{E(title)}</strong>: {count}</p>");
        }

        public void Section(string title, IEnumerable<string> items)
        {
            var list = items.ToList();
            _text.Append($"\n{title}\n").Append(list.Count == 0 ? "  —\n" : string.Concat(list.Select(i => $"  - {i}\n")));
            _html.Append($"<h3 style=\"margin:16px 0 6px\">{E(title)}</h3>")
                .Append(list.Count == 0 ? "<p>—</p>" : "<ul>" + string.Concat(list.Select(i => $"<li>{E(i)}</li>")) + "</ul>");
        }

        public void Links(string title, IEnumerable<(string Text, string? Url)> items)
        {
            var list = items.ToList();
            _text.Append($"\n{title}\n").Append(list.Count == 0 ? "  —\n" : string.Concat(list.Select(i => $"  - {i.Text}: {i.Url}\n")));
            _html.Append($"<h3 style=\"margin:16px 0 6px\">{E(title)}</h3>")
                .Append(list.Count == 0 ? "<p>—</p>" : "<ul>" + string.Concat(list.Select(i => $"<li><a href=\"{E(i.Url ?? "")}\">{E(i.Text)}</a></li>")) + "</ul>");
        }

        public (string, string) Build() => (_text.ToString(), _html.ToString());

        private static string E(string s) => HtmlEncoder.Default.Encode(s);
    }
}
