using SalesPerf.Engine.Deals;

namespace SalesPerf.Engine.Tests;

/// <summary>
/// Two managers open the same submission (e.g. from the same email link) and both decide. The host applies the
/// first decision, then re-decides the second against the deal as it now is: that must be a conflict, not a second approval.
/// </summary>
public class ApprovalConcurrencyTests
{
    private static (DealScenario Scenario, DealState Loaded, int SubmissionNo) TwoManagersLoadTheSameSubmission()
    {
        var s = DealScenario.Started().AdvanceTo("needs-analysis");
        s.Submit();
        return (s, s.Deal, s.PendingSubmissionNo);
    }

    [Fact]
    public void The_second_approval_of_the_same_submission_is_already_decided()
    {
        var (s, loaded, no) = TwoManagersLoadTheSameSubmission();
        s.Do(new ApproveSubmission(no, "Thorough report"), Actors.Manager);

        var (transition, error) = DealTransition.Run(s.Deal, new ApproveSubmission(no, "OK"), s.Context(Actors.Deputy));

        Assert.Null(transition);
        Assert.Equal((DealErrorKind.Conflict, "alreadyDecided"), (error!.Kind, error.Code));
        Assert.Equal("Submission #2 has already been decided; nothing is waiting for approval.", error.Message);
        // Only one approval happened: the deal is one stage further, not two.
        Assert.Equal("solution-demo", s.Deal.Current!.StageKey);
        Assert.Single(s.Events, e => e.Event is SubmissionApproved { SubmissionNo: 2 });
        Assert.NotSame(loaded, s.Deal);
    }

    [Fact]
    public void A_send_back_after_someone_else_approved_is_already_decided()
    {
        var (s, _, no) = TwoManagersLoadTheSameSubmission();
        s.Do(new ApproveSubmission(no, null), Actors.Manager);

        var error = s.Refused(new SendBackSubmission(no, "Load profile is too thin", null), Actors.Deputy);

        Assert.Equal((DealErrorKind.Conflict, "alreadyDecided"), (error.Kind, error.Code));
    }

    [Fact]
    public void An_approval_after_someone_else_sent_it_back_is_already_decided()
    {
        var (s, _, no) = TwoManagersLoadTheSameSubmission();
        s.Do(new SendBackSubmission(no, "Add the 3-year forecast numbers", null), Actors.Deputy);

        var error = s.Refused(new ApproveSubmission(no, null), Actors.Manager);

        Assert.Equal((DealErrorKind.Conflict, "alreadyDecided"), (error.Kind, error.Code));
        Assert.Equal(("needs-analysis", StageRunStatus.Open), (s.Deal.Current!.StageKey, s.Deal.Current.Status));
    }

    [Fact]
    public void A_decision_on_an_older_submission_names_the_one_waiting()
    {
        var (s, _, first) = TwoManagersLoadTheSameSubmission();
        s.Do(new SendBackSubmission(first, "Add the 3-year forecast numbers", null), Actors.Deputy);
        s.Submit();

        var error = s.Refused(new ApproveSubmission(first, null), Actors.Manager);

        Assert.Equal("alreadyDecided", error.Code);
        Assert.Equal("Submission #2 is not the one waiting; #3 is.", error.Message);
    }

    [Fact]
    public void Both_decisions_from_the_stale_state_would_succeed_which_is_why_the_second_must_be_re_decided()
    {
        var (s, loaded, no) = TwoManagersLoadTheSameSubmission();

        var first = DealTransition.Run(loaded, new ApproveSubmission(no, null), s.Context(Actors.Manager));
        var second = DealTransition.Run(loaded, new SendBackSubmission(no, "Needs more detail", null), s.Context(Actors.Deputy));
        Assert.NotNull(first.Transition);
        Assert.NotNull(second.Transition);

        // Both start from version N and would claim the same next sequence number: a store keyed on (deal, sequence)
        // accepts only the first; the second is then decided again against the new state.
        Assert.Equal(first.Transition!.Events[0].Sequence, second.Transition!.Events[0].Sequence);
        var redo = DealTransition.Run(first.Transition.After, new SendBackSubmission(no, "Needs more detail", null), s.Context(Actors.Deputy));
        Assert.Equal("alreadyDecided", redo.Error!.Code);
    }
}
