using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Evaluations;

/// <summary>
/// The monthly review pack: on the configured day and time (company time zone) each manager gets one mail with last
/// month's team ranking and a signed link to download the team pack PDF. The outbox key "monthly-pack:{manager}:{yyyy-MM}"
/// makes it once per manager and month across restarts, retries and app nodes; a late start still sends it.
/// </summary>
public sealed class MonthlyPack(SalesPerfDbContext db, Outbox outbox, MailTemplates templates, ReportLinks links, EvaluationLoader loader,
    CalendarProvider calendars, IOptions<ReportOptions> options, TimeProvider clock, ILogger<MonthlyPack> log)
{
    /// <summary>The month whose pack is due at <paramref name="now"/>: last month once this month's send time has passed.</summary>
    public EvaluationPeriod? DuePeriod(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, calendars.Zone).DateTime;
        var day = Math.Clamp(options.Value.MonthlyPackDay, 1, DateTime.DaysInMonth(local.Year, local.Month));
        var sendAt = new DateTime(local.Year, local.Month, day) + options.Value.MonthlyPackTime;
        if (local < sendAt) return null;
        var last = local.AddMonths(-1);
        return ReportPeriod.Month(last.Year, last.Month);
    }

    public async Task<int> QueueDueAsync(CancellationToken ct = default)
    {
        if (!options.Value.MonthlyPackEnabled || DuePeriod(clock.GetUtcNow()) is not { } period) return 0;
        var month = period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var teams = await db.Teams.AsNoTracking().Where(t => t.ManagerId != null).OrderBy(t => t.Name).ToListAsync(ct);
        var queued = 0;
        foreach (var group in teams.GroupBy(t => t.ManagerId!))
        {
            var key = $"monthly-pack:{group.Key}:{month}";
            if (await db.Set<OutboxMessageRecord>().AnyAsync(m => m.DedupKey == key, ct)) continue;
            var manager = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == group.Key, ct);
            if (manager?.Email is not { Length: > 0 } email) continue;
            var language = ReportService.Language(null, manager.Culture);
            var zh = language == "zh-CN";
            var text = new StringBuilder();
            var html = new StringBuilder();
            foreach (var team in group)
            {
                if (await loader.TeamAsync(team.Id, period, ct) is not { } reportTeam) continue;
                var evaluation = await loader.EvaluateAsync(reportTeam, period, language, ct);
                var url = await links.UrlAsync(team.Id, manager.Id, period, language, ct);
                text.Append($"{team.Name}\n");
                html.Append($"<h3 style=\"margin:16px 0 6px\">{E(team.Name)}</h3><ol>");
                foreach (var rep in evaluation.Reps)
                {
                    var line = MonthlyPackLines.Line(rep, zh);
                    text.Append(rep.Scored ? $"  {rep.Rank}. {line}\n" : $"  –  {line}\n");
                    html.Append(rep.Scored ? $"<li>{E(line)}</li>" : $"<li style=\"list-style:none\">– {E(line)}</li>");
                }
                if (evaluation.Reps.Count == 0) { text.Append("  —\n"); html.Append("<li>—</li>"); }
                html.Append("</ol>");
                var download = zh ? "下载团队评估包（PDF）" : "Download the team pack (PDF)";
                text.Append($"  {download}: {url}\n\n");
                html.Append($"<p><a href=\"{E(url)}\" style=\"background:#0b6e4f;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none\">{E(download)}</a></p>");
            }
            var mail = templates.Render("monthly-pack", manager.Culture,
                new Dictionary<string, string> { ["recipient"] = manager.DisplayName, ["period"] = month, ["body"] = text.ToString() },
                new Dictionary<string, string> { ["body"] = html.ToString() });
            if (await outbox.EnqueueAsync(new OutboxMessageRecord
                {
                    DedupKey = key, Kind = "monthly-pack", RecipientId = manager.Id, ToAddress = email, ToName = manager.DisplayName,
                    Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html,
                }, ct))
                queued++;
        }
        if (queued > 0) log.LogInformation("Monthly review pack for {Month} queued for {Count} manager(s)", month, queued);
        return queued;
    }

    private static string E(string s) => HtmlEncoder.Default.Encode(s);
}

/// <summary>Queues the monthly packs when due, on every app node (the outbox key keeps it once).</summary>
public sealed class MonthlyPackWorker(IServiceScopeFactory scopes, IOptions<MailOptions> mail, TimeProvider clock, ILogger<MonthlyPackWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Value.WorkerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<MonthlyPack>().QueueDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Queuing the monthly review packs failed; trying again in {Interval}", mail.Value.WorkerInterval);
            }
            try { await Task.Delay(mail.Value.WorkerInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
