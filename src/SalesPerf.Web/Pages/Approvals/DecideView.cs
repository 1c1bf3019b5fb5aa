using SalesPerf.Engine.Flows;

namespace SalesPerf.Web.Pages.Approvals;

/// <summary>What the approve / send-back form needs: the submission, its stage (for send-back targets) and where to return.</summary>
public sealed record DecideView(Guid DealId, int SubmissionNo, Stage Stage, StageFlow Flow, string ReturnUrl)
{
    /// <summary>The stage's delay reason the manager has not decided yet: the form offers to confirm it with the approval.</summary>
    public Engine.Deals.DelayReason? Claim { get; init; }
}
