using SalesPerf.Engine.Deals;

namespace SalesPerf.Engine.Tests;

/// <summary>Who may decide a submission when the stage names an approving role instead of the rep's manager.</summary>
public class ApprovalRuleTests
{
    private static DealScenario SubmittedContractReview()
    {
        var review = TestFlows.Stage("contract-review");
        review["approver"] = "Role";
        review["approverRole"] = "legal";
        var s = DealScenario.Started(TestFlows.CompileOrFail(TestFlows.SingleStage(review)));
        s.Submit(new DeliverableBuilder().Value("notes", "Liability capped at contract value"));
        return s;
    }

    [Fact]
    public void The_reps_manager_without_the_role_cannot_approve()
    {
        var s = SubmittedContractReview();

        var error = s.Refused(new ApproveSubmission(s.PendingSubmissionNo, null), Actors.Manager);

        Assert.Equal((DealErrorKind.Forbidden, "notApprover", "Stage 'contract-review' is approved by the legal role."), (error.Kind, error.Code, error.Message));
    }

    [Fact]
    public void A_team_manager_holding_the_role_approves()
    {
        var s = SubmittedContractReview();
        var legalManager = Actors.Manager with { Roles = new HashSet<string> { Actor.ManagerRole, "legal" } };

        s.Approve(legalManager);

        Assert.Equal(DealStatus.Won, s.Deal.Status);
    }

    [Fact]
    public void An_admin_approves_any_role_stage()
    {
        var s = SubmittedContractReview();

        s.Approve(Actors.Admin);

        Assert.Equal(DealStatus.Won, s.Deal.Status);
    }

    [Fact]
    public void A_rep_holding_the_role_still_cannot_approve_their_own_deal()
    {
        var s = SubmittedContractReview();
        var legalRep = Actors.Rep with { Roles = new HashSet<string> { Actor.RepRole, "legal" } };

        Assert.Equal("notApprover", s.Refused(new ApproveSubmission(s.PendingSubmissionNo, null), legalRep).Code);
    }
}
