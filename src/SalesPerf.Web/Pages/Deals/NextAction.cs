using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;

namespace SalesPerf.Web.Pages.Deals;

public enum NextActionKind { None, RecordDelayAndSubmit, Submit, WaitForApproval, Approve, Resume }

/// <summary>What the viewer should do next with a deal, from its row alone.</summary>
public sealed record NextAction(NextActionKind Kind, StageName? Stage, DateOnly? FollowUpDate)
{
    public static NextAction For(DealSummary d, AccessScope viewer)
    {
        var kind = d.Status switch
        {
            DealStatus.OnHold => NextActionKind.Resume,
            DealStatus.Active when d.StageStatus == StageRunStatus.Submitted =>
                viewer.CanManage(d.RepId) && d.RepId != viewer.UserId ? NextActionKind.Approve : NextActionKind.WaitForApproval,
            DealStatus.Active when d.Overdue => NextActionKind.RecordDelayAndSubmit,
            DealStatus.Active => NextActionKind.Submit,
            _ => NextActionKind.None,
        };
        return new NextAction(kind, d.Stage, d.Status == DealStatus.Active ? d.NextFollowUpDate : null);
    }

    /// <summary>The English text (a localization key) of the action; {0} is the stage name.</summary>
    public string Text => Kind switch
    {
        NextActionKind.RecordDelayAndSubmit => "Record a delay reason and submit “{0}”",
        NextActionKind.Submit => "Submit “{0}”",
        NextActionKind.WaitForApproval => "Waiting for approval of “{0}”",
        NextActionKind.Approve => "Approve “{0}”",
        NextActionKind.Resume => "On hold: resume when the customer is ready",
        _ => "",
    };
}
