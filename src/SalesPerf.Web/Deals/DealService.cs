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

/// <summary>One item of <see cref="DealService.RunBatchAsync"/>: a deal to create, or a command on an existing deal.</summary>
public sealed record BatchItem(CreateDealRequest? Create, Guid? DealId, DealCommand? Command)
{
    public static BatchItem New(CreateDealRequest request) => new(request, null, null);
    public static BatchItem On(Guid dealId, DealCommand command) => new(null, dealId, command);
}

/// <summary>
/// Runs deal commands for a person: checks they may see the deal, decides with the engine against the deal's
/// own flow version, and saves the transition. A write that lost a race is decided again on fresh state, so
/// the loser of two simultaneous approvals gets the engine's clear "already decided" conflict.
/// </summary>
public sealed class DealService(SalesPerfDbContext db, DealStore store, FlowCatalog flows, CalendarProvider calendars,
    Administration.CustomerTypeNames customerTypes, TimeProvider clock)
{
    public const string DefaultFlowId = "default-sales-flow";
    private const int Attempts = 4; // the first is optimistic (cached state), the rest decide on verified state

    public async Task<DealOutcome> CreateAsync(CreateDealRequest request, AccessScope scope, CancellationToken ct = default)
    {
        var (transition, error) = await DecideCreateAsync(request, scope, ct);
        if (error is not null) return new(null, error);
        await store.SaveAsync(transition!, ct);
        return new(transition!.After, null);
    }

    private async Task<(DealTransition? Transition, DealError? Error)> DecideCreateAsync(CreateDealRequest request, AccessScope scope, CancellationToken ct)
    {
        var repId = string.IsNullOrEmpty(request.RepId) ? scope.UserId : request.RepId;
        if (repId != scope.UserId && !scope.CanManage(repId))
            return (null, DealError.Forbidden("notYourRep", "You can create deals for yourself or for reps of your team."));
        if (!await db.Users.AnyAsync(u => u.Id == repId, ct))
            return (null, DealError.Invalid("unknownRep", "The rep does not exist.", [new("repId", "unknown", "No such rep.")]));
        if ((await customerTypes.GetAsync(ct)).CheckForNewDeal(request.CustomerType) is { } typeError)
            return (null, DealError.Invalid("unknownCustomerType", typeError, [new("customerType", "unknown", typeError)]));
        var flowId = string.IsNullOrEmpty(request.FlowDefinitionId) ? DefaultFlowId : request.FlowDefinitionId;
        var flow = await flows.LatestPublishedAsync(flowId, ct);
        if (flow is null)
            return (null, DealError.Invalid("unknownFlow", $"There is no published flow '{flowId}'.", [new("flowDefinitionId", "unknown", "No such published flow.")]));

        var command = new CreateDeal(Guid.CreateVersion7(), request.Title ?? "", request.Customer ?? "", request.CustomerType ?? "", repId, request.EstimatedValue);
        var ctx = new DealContext(flow, await calendars.GetAsync(ct), clock.GetUtcNow(), scope.ActorFor(repId));
        var (transition, error) = DealTransition.Run(null, command, ctx);
        return (transition, error);
    }

    /// <summary>
    /// Decides a batch of creations and commands (e.g. an import) exactly as one by one, each on the state the earlier
    /// ones left, and — when <paramref name="write"/> is set and none failed — writes all their transitions in one
    /// transaction: all or nothing. Returns one error (or null) per item, in order; a dry run writes nothing.
    /// </summary>
    public async Task<IReadOnlyList<DealError?>> RunBatchAsync(IReadOnlyList<BatchItem> items, AccessScope scope, bool write, CancellationToken ct = default)
    {
        var errors = new DealError?[items.Count];
        var transitions = new List<DealTransition>();
        var states = new Dictionary<Guid, DealState>();
        for (var i = 0; i < items.Count; i++)
        {
            DealTransition? transition;
            DealError? error;
            if (items[i].Create is { } create) (transition, error) = await DecideCreateAsync(create, scope, ct);
            else
            {
                var id = items[i].DealId!.Value;
                var deal = states.GetValueOrDefault(id) ?? await store.LoadAsync(id, ct);
                if (deal is null || !scope.CanSee(deal.RepId))
                {
                    errors[i] = DealError.Invalid("noDeal", "The deal does not exist.");
                    continue;
                }
                var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
                var ctx = new DealContext(flow, await calendars.GetAsync(ct), clock.GetUtcNow(), scope.ActorFor(deal.RepId));
                (transition, error) = DealTransition.Run(deal, items[i].Command!, ctx);
            }
            errors[i] = error;
            if (transition is null) continue;
            transitions.Add(transition);
            states[transition.After.Id] = transition.After;
        }
        if (!write || errors.Any(e => e is not null)) return errors;
        await store.SaveAllAsync(transitions, ct: ct);
        return errors;
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

    /// <summary>
    /// Approves a submission; when the approver ticked it, first confirms the cause the rep claimed for the stage's delay —
    /// its own, explicit decision (approving alone never confirms a claim).
    /// </summary>
    public async Task<DealOutcome> ApproveAsync(Guid dealId, int submissionNo, string? comment, bool confirmDelay, AccessScope scope, CancellationToken ct = default)
    {
        if (confirmDelay && await GetAsync(dealId, scope, ct) is { Current: { } run } deal && deal.LatestDelayFor(run) is { Decided: false } delay)
        {
            var confirmed = await ExecuteAsync(dealId, new ReclassifyDelay(delay.DelayNo, delay.Attribution, comment), scope, ct);
            if (confirmed.Error is not null || confirmed.NotFound) return confirmed;
        }
        return await ExecuteAsync(dealId, new ApproveSubmission(submissionNo, comment), scope, ct);
    }

    public async Task<DealState?> GetAsync(Guid dealId, AccessScope scope, CancellationToken ct = default)
    {
        var deal = await store.LoadAsync(dealId, ct);
        return deal is not null && scope.CanSee(deal.RepId) ? deal : null;
    }
}
