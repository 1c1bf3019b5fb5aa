using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scheduling;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>
/// Finds deals whose next due item has come (one index range scan on Deals.NextDueAt), queues one current notice
/// for the rep (not one per missed item after downtime) and the escalation for the managers, then records the
/// items as fired on the deal. Queue-then-record with de-duplication keys: a crash in between re-queues nothing
/// twice, and two sweepers on two nodes cannot both record the same items (the deal's version guard).
/// </summary>
public sealed class ReminderSweeper(SalesPerfDbContext db, DealService deals, FlowCatalog flows, Outbox outbox, Recipients recipients,
    MailTemplates templates, DealMailContext context, TimeProvider clock, ILogger<ReminderSweeper> log)
{
    public async Task<int> SweepAsync(int batch = 500, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deals.AsNoTracking()
            .Where(d => d.NextDueAt != null && d.NextDueAt <= now && d.Status == DealStatus.Active)
            .OrderBy(d => d.NextDueAt).Select(d => d.Id).Take(batch).ToListAsync(ct);
        var handled = 0;
        foreach (var id in due)
            if (await HandleAsync(id, now, ct)) handled++;
        return handled;
    }

    private async Task<bool> HandleAsync(Guid dealId, DateTimeOffset now, CancellationToken ct)
    {
        var deal = await deals.GetAsync(dealId, AccessScope.System, ct);
        if (deal?.Current is not { } run) return false;
        var items = DealTransition.PendingDueItems(deal).Where(i => i.DueAt <= now).ToList();
        if (items.Count == 0) return false;

        var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
        var stage = flow[run.StageKey];
        var rep = await recipients.UserAsync(deal.RepId, ct);
        if (items.Where(i => i.Kind != DueKind.Escalation).MaxBy(i => (i.DueAt, i.Kind)) is { } notice && rep?.Email is { Length: > 0 })
        {
            var values = context.Values(deal, stage, rep, rep.DisplayName, run.Schedule.DueAt);
            values["kind"] = notice.Kind.ToString();
            values["overdueDays"] = Math.Max(0, (int)Math.Ceiling((now - run.Schedule.DueAt).TotalDays)).ToString();
            var mail = templates.Render("reminder", rep.Culture, values);
            await outbox.EnqueueAsync(new OutboxMessageRecord
            {
                DedupKey = $"due:{deal.Id:N}:{run.StageKey}:{run.Run}:{notice.Key}", Kind = "reminder", RecipientId = rep.Id,
                ToAddress = rep.Email, ToName = rep.DisplayName, Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html, DealId = deal.Id,
                Ics = Ics.Deadline($"{deal.Id:N}-{run.StageKey}-{run.Run}", $"{stage.Name.For(rep.Culture)} · {deal.Title}", values["link"], run.Schedule.DueAt, now),
            }, ct);
        }
        if (items.Any(i => i.Kind == DueKind.Escalation))
            foreach (var manager in await recipients.ManagersOfAsync(deal.RepId, ct))
            {
                if (string.IsNullOrEmpty(manager.Email)) continue;
                var values = context.Values(deal, stage, manager, rep?.DisplayName ?? "", run.Schedule.DueAt);
                values["overdueDays"] = Math.Max(0, (int)Math.Ceiling((now - run.Schedule.DueAt).TotalDays)).ToString();
                var mail = templates.Render("escalation", manager.Culture, values);
                await outbox.EnqueueAsync(new OutboxMessageRecord
                {
                    DedupKey = $"escalation:{deal.Id:N}:{run.StageKey}:{run.Run}:{manager.Id}", Kind = "escalation", RecipientId = manager.Id,
                    ToAddress = manager.Email, ToName = manager.DisplayName, Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html, DealId = deal.Id,
                }, ct);
            }

        var outcome = await deals.ExecuteAsync(deal.Id, new RecordDueItemsFired(run.StageKey, run.Run, items.Select(i => i.Key).ToList()), AccessScope.System, ct);
        if (outcome.Error is { } error) log.LogInformation("Due items of deal {Deal} not recorded: {Error}", deal.Id, error);
        return outcome.Error is null;
    }
}
