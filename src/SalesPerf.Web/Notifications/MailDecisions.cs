using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;

namespace SalesPerf.Web.Notifications;

/// <summary>Why a mail link cannot be used, in words a manager understands.</summary>
public enum LinkState { Usable, Malformed, Forged, Expired, Decided, NotApprover }

public sealed record LinkCheck(LinkState State, ApprovalGrant? Grant, DealState? Deal, AccessScope? Approver);

/// <summary>
/// Checks an approval link against the deal as it is now: the link is void once anyone decided, the rep
/// resubmitted or the deal moved on, and only its approver may use it. Every refusal is logged.
/// </summary>
public sealed class MailDecisions(ApprovalLinks links, DealService deals, Recipients recipients, Persistence.SalesPerfDbContext db, ILogger<MailDecisions> log)
{
    public async Task<LinkCheck> CheckAsync(string? token, CancellationToken ct = default)
    {
        var (grant, problem) = await links.ReadAsync(token, ct);
        var state = problem switch
        {
            LinkProblem.Malformed => LinkState.Malformed,
            LinkProblem.Forged => LinkState.Forged,
            LinkProblem.Expired => LinkState.Expired,
            _ => LinkState.Usable,
        };
        if (state != LinkState.Usable) return Refuse(state, grant, null, null);

        var deal = await deals.GetAsync(grant!.DealId, AccessScope.System, ct);
        if (deal?.Current is not { } run || run.StageKey != grant.StageKey || run.Run != grant.Run || run.Pending?.SubmissionNo != grant.SubmissionNo)
            return Refuse(LinkState.Decided, grant, deal, null);
        var approver = await AccessScope.ForUserAsync(grant.ApproverId, await recipients.RolesOfAsync(grant.ApproverId), db, ct);
        if (!approver.CanManage(deal.RepId)) return Refuse(LinkState.NotApprover, grant, deal, approver);
        return new LinkCheck(LinkState.Usable, grant, deal, approver);
    }

    public async Task<DealOutcome> DecideAsync(LinkCheck check, bool approve, string? comment, string? sendBackTo, bool confirmDelay = false, CancellationToken ct = default)
    {
        var grant = check.Grant!;
        return approve
            ? await deals.ApproveAsync(grant.DealId, grant.SubmissionNo, comment, confirmDelay, check.Approver!, ct)
            : await deals.ExecuteAsync(grant.DealId, new SendBackSubmission(grant.SubmissionNo, comment ?? "", sendBackTo), check.Approver!, ct);
    }

    private LinkCheck Refuse(LinkState state, ApprovalGrant? grant, DealState? deal, AccessScope? approver)
    {
        log.LogWarning("Approval link refused ({State}) for deal {Deal}, submission {Submission}, approver {Approver}",
            state, grant?.DealId, grant?.SubmissionNo, grant?.ApproverId);
        return new LinkCheck(state, grant, deal, approver);
    }
}
