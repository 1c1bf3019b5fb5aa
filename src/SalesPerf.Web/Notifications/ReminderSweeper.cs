using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scheduling;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Notifications;

/// <summary>
/// Finds deals whose next due item has come (one index range scan on Deals.NextDueAt), and for each queues one current
/// notice for the rep (not one per missed item after downtime) and the escalation for the managers, and records the
/// items as fired on the deal — the mails and the deal's transition in one transaction, so a crash can neither lose a
/// reminder nor send one twice. Deals are written in chunks; two sweepers on two nodes cannot both record the same
/// items (the deal's version guard): a chunk that lost such a race is redone deal by deal on fresh state.
/// </summary>
public sealed class ReminderSweeper(SalesPerfDbContext db, DealStore store, FlowCatalog flows, CalendarProvider calendars, Recipients recipients,
    MailTemplates templates, DealMailContext context, IDealWriter writer, TimeProvider clock, ILogger<ReminderSweeper> log)
{
    private const int Chunk = 250;
    private readonly Dictionary<string, AppUser?> _users = [];
    private readonly Dictionary<string, IReadOnlyList<AppUser>> _managers = [];

    public async Task<int> SweepAsync(int batch = 5000, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deals.AsNoTracking()
            .Where(d => d.NextDueAt != null && d.NextDueAt <= now && d.Status == DealStatus.Active)
            .OrderBy(d => d.NextDueAt).Select(d => new { d.Id, d.Version }).Take(batch).ToListAsync(ct);
        var handled = 0;
        foreach (var chunk in due.Chunk(Chunk))
        {
            var deals = await store.LoadManyAsync([.. chunk.Select(d => (d.Id, d.Version))], ct);
            var work = new List<(DealTransition Transition, IReadOnlyList<RowStatement> Mails)>();
            foreach (var deal in deals)
                if (await FireAsync(deal, now, ct) is { } w) work.Add(w);
            try
            {
                await store.SaveAllAsync(work, ct);
                handled += work.Count;
            }
            catch (DealConcurrencyException)
            {
                handled += await RedoOneByOneAsync(chunk.Select(d => d.Id), now, ct);
            }
        }
        return handled;
    }

    /// <summary>Another node changed some of the chunk's deals meanwhile: decide each again on what it wrote.</summary>
    private async Task<int> RedoOneByOneAsync(IEnumerable<Guid> dealIds, DateTimeOffset now, CancellationToken ct)
    {
        var handled = 0;
        foreach (var id in dealIds)
        {
            if (await store.LoadAsync(id, ct) is not { } deal || await FireAsync(deal, now, ct) is not { } w) continue;
            try
            {
                await store.SaveAllAsync([w], ct);
                handled++;
            }
            catch (DealConcurrencyException)
            {
                log.LogInformation("Due items of deal {Deal} were recorded by someone else", id);
            }
        }
        return handled;
    }

    /// <summary>The transition that records the deal's due items as fired, and the mails they call for; null if nothing is due.</summary>
    private async Task<(DealTransition, IReadOnlyList<RowStatement>)?> FireAsync(DealState deal, DateTimeOffset now, CancellationToken ct)
    {
        if (deal.Current is not { } run || deal.Status != DealStatus.Active) return null;
        var items = DealTransition.PendingDueItems(deal).Where(i => i.DueAt <= now).ToList();
        if (items.Count == 0) return null;
        var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
        var ctx = new DealContext(flow, await calendars.GetAsync(ct), now, AccessScope.System.ActorFor(deal.RepId));
        var (transition, error) = DealTransition.Run(deal, new RecordDueItemsFired(run.StageKey, run.Run, items.Select(i => i.Key).ToList()), ctx);
        if (error is not null)
        {
            log.LogInformation("Due items of deal {Deal} not recorded: {Error}", deal.Id, error);
            return null;
        }

        var stage = flow[run.StageKey];
        var rep = await UserAsync(deal.RepId, ct);
        var mails = new List<RowStatement>();
        if (items.Where(i => i.Kind != DueKind.Escalation).MaxBy(i => (i.DueAt, i.Kind)) is { } notice && rep?.Email is { Length: > 0 })
        {
            var values = context.Values(deal, stage, rep, rep.DisplayName, run.Schedule.DueAt);
            values["kind"] = notice.Kind.ToString();
            values["overdueDays"] = OverdueDays(run, now);
            var mail = templates.Render("reminder", rep.Culture, values);
            mails.Add(Outbox.Row(new OutboxMessageRecord
            {
                DedupKey = $"due:{deal.Id:N}:{run.StageKey}:{run.Run}:{notice.Key}", Kind = "reminder", RecipientId = rep.Id,
                ToAddress = rep.Email, ToName = rep.DisplayName, Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html, DealId = deal.Id,
                Ics = Ics.Deadline($"{deal.Id:N}-{run.StageKey}-{run.Run}", $"{stage.Name.For(rep.Culture)} · {deal.Title}", values["link"], run.Schedule.DueAt, now),
            }, now, writer.Dialect));
        }
        if (items.Any(i => i.Kind == DueKind.Escalation))
            foreach (var manager in await ManagersOfAsync(deal.RepId, ct))
            {
                if (string.IsNullOrEmpty(manager.Email)) continue;
                var values = context.Values(deal, stage, manager, rep?.DisplayName ?? "", run.Schedule.DueAt);
                values["overdueDays"] = OverdueDays(run, now);
                var mail = templates.Render("escalation", manager.Culture, values);
                mails.Add(Outbox.Row(new OutboxMessageRecord
                {
                    DedupKey = $"escalation:{deal.Id:N}:{run.StageKey}:{run.Run}:{manager.Id}", Kind = "escalation", RecipientId = manager.Id,
                    ToAddress = manager.Email, ToName = manager.DisplayName, Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html, DealId = deal.Id,
                }, now, writer.Dialect));
            }
        return (transition!, mails);
    }

    private static string OverdueDays(StageRun run, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Ceiling((now - run.Schedule.DueAt).TotalDays)).ToString();

    // One sweep asks about the same few people many times.
    private async Task<AppUser?> UserAsync(string id, CancellationToken ct) =>
        _users.TryGetValue(id, out var user) ? user : _users[id] = await recipients.UserAsync(id, ct);

    private async Task<IReadOnlyList<AppUser>> ManagersOfAsync(string repId, CancellationToken ct) =>
        _managers.TryGetValue(repId, out var managers) ? managers : _managers[repId] = await recipients.ManagersOfAsync(repId, ct);
}
