using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>The answer to a deal command: the new state, or why not (not found hides deals the caller may not see).</summary>
public sealed record DealOutcome(DealState? State, DealError? Error, bool NotFound = false)
{
    public static readonly DealOutcome Missing = new(null, null, true);
}

/// <summary>
/// Runs deal commands for a person: checks they may see the deal, decides with the engine against the deal's
/// own flow version, and saves the transition. A write that lost a race is decided again on fresh state, so
/// the loser of two simultaneous approvals gets the engine's clear "already decided" conflict.
/// </summary>
public sealed class DealService(SalesPerfDbContext db, DealStore store, FlowCatalog flows, CalendarProvider calendars, TimeProvider clock,
    IEnumerable<IDealObserver> observers, ILogger<DealService> log)
{
    public const string DefaultFlowId = "default-sales-flow";
    private const int Attempts = 4; // the first is optimistic (cached state), the rest decide on verified state

    public async Task<DealOutcome> CreateAsync(CreateDealRequest request, AccessScope scope, CancellationToken ct = default)
    {
        var repId = string.IsNullOrEmpty(request.RepId) ? scope.UserId : request.RepId;
        if (repId != scope.UserId && !scope.CanManage(repId))
            return new(null, DealError.Forbidden("notYourRep", "You can create deals for yourself or for reps of your team."));
        if (!await db.Users.AnyAsync(u => u.Id == repId, ct))
            return new(null, DealError.Invalid("unknownRep", "The rep does not exist.", [new("repId", "unknown", "No such rep.")]));
        var flowId = string.IsNullOrEmpty(request.FlowDefinitionId) ? DefaultFlowId : request.FlowDefinitionId;
        var flow = await flows.LatestPublishedAsync(flowId, ct);
        if (flow is null)
            return new(null, DealError.Invalid("unknownFlow", $"There is no published flow '{flowId}'.", [new("flowDefinitionId", "unknown", "No such published flow.")]));

        var command = new CreateDeal(Guid.CreateVersion7(), request.Title ?? "", request.Customer ?? "", request.CustomerType ?? "", repId, request.EstimatedValue);
        var ctx = new DealContext(flow, await calendars.GetAsync(ct), clock.GetUtcNow(), scope.ActorFor(repId));
        var (transition, error) = DealTransition.Run(null, command, ctx);
        if (error is not null) return new(null, error);
        await store.SaveAsync(transition!, ct);
        await NotifyAsync(transition!, ct);
        return new(transition!.After, null);
    }

    public async Task<DealOutcome> ExecuteAsync(Guid dealId, DealCommand command, AccessScope scope, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt may decide on this node's cached state without asking the database: the write is
            // guarded by the deal's version anyway, and a refusal is only trusted once decided on verified state.
            var optimistic = attempt == 1;
            var deal = optimistic ? await store.LoadCachedOrStoredAsync(dealId, ct) : await store.LoadAsync(dealId, ct);
            if (deal is null || !scope.CanSee(deal.RepId)) return DealOutcome.Missing;
            var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
            var ctx = new DealContext(flow, await calendars.GetAsync(ct), clock.GetUtcNow(), scope.ActorFor(deal.RepId));
            var (transition, error) = DealTransition.Run(deal, command, ctx);
            if (error is not null && optimistic) continue;
            if (error is not null) return new(deal, error);
            try
            {
                await store.SaveAsync(transition!, ct);
                await NotifyAsync(transition!, ct);
                return new(transition!.After, null);
            }
            catch (DealConcurrencyException) when (attempt < Attempts)
            {
                // Someone else changed the deal first: decide again against what they wrote.
            }
            catch (DealConcurrencyException)
            {
                return new(deal, DealError.Conflict("busy", "The deal is being changed by others right now; try again."));
            }
        }
    }

    /// <summary>Observers run after the commit; their failure is logged and never undoes or fails the user's action.</summary>
    private async Task NotifyAsync(DealTransition transition, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            try { await observer.OnCommittedAsync(transition, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Observer} failed for deal {Deal}", observer.GetType().Name, transition.After.Id);
            }
        }
    }

    public async Task<DealState?> GetAsync(Guid dealId, AccessScope scope, CancellationToken ct = default)
    {
        var deal = await store.LoadAsync(dealId, ct);
        return deal is not null && scope.CanSee(deal.RepId) ? deal : null;
    }
}
