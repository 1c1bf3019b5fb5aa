using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Approvals;

/// <summary>One submission waiting for the viewer's decision, with the delay reason of its stage run, if any.</summary>
public sealed record PendingItem(DealState Deal, StageFlow Flow, Stage Stage, PendingSubmission Submission, string? RepName, DelayReason? Delay, bool Late);

/// <summary>Open submissions of the deals the viewer manages (never their own), the longest waiting first.</summary>
public sealed class ApprovalQueue(SalesPerfDbContext db, DealStore store, FlowCatalog flows, DealQueries queries)
{
    public const int Limit = 50;

    public async Task<(IReadOnlyList<PendingItem> Items, int Total)> ListAsync(AccessScope scope, CancellationToken ct = default)
    {
        var me = scope.UserId;
        var q = scope.VisibleDeals(db.Deals.AsNoTracking()).Where(d => d.PendingSubmissionNo != null && d.RepId != me && d.Status == DealStatus.Active);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(d => d.LastActivityAt).Select(d => new { d.Id, d.Version }).Take(Limit).ToListAsync(ct);
        // One read of the events of the deals not cached (instead of two queries per deal); then back in the rows' order.
        var states = (await store.LoadManyAsync(rows.Select(r => (r.Id, r.Version)).ToList(), ct)).ToDictionary(d => d.Id);
        var names = await queries.RepNamesAsync(states.Values.Select(d => d.RepId), ct);
        var items = new List<PendingItem>(rows.Count);
        foreach (var row in rows)
        {
            if (states.GetValueOrDefault(row.Id) is not { Current: { Pending: { } pending } run } deal) continue;
            var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
            items.Add(new PendingItem(deal, flow, flow[run.StageKey], pending, names.GetValueOrDefault(deal.RepId), deal.LatestDelayFor(run),
                pending.SubmittedAt > run.Schedule.DueAt));
        }
        return (items, total);
    }
}
