using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scoring;
using static SalesPerf.Engine.Tests.DeliverableBuilder;

namespace SalesPerf.Engine.Tests;

/// <summary>A manager rejecting a submission: back to the same stage, or back to an earlier one.</summary>
public class DealSendBackTests
{
    [Fact]
    public void Sending_back_to_the_same_stage_reopens_it_with_the_comment()
    {
        var s = DealScenario.Started().AdvanceTo("needs-analysis");
        s.Submit();
        var due = s.Deal.Current!.Schedule.DueAt;

        var t = s.Do(new SendBackSubmission(s.PendingSubmissionNo, "  Add the summer load curve  ", null), Actors.Manager);

        var sentBack = Assert.IsType<SubmissionSentBack>(Assert.Single(t.Events).Event);
        Assert.Equal(("needs-analysis", "Add the summer load curve", "needs-analysis"), (sentBack.StageKey, sentBack.Comment, sentBack.ToStageKey));
        var run = s.Deal.Current!;
        Assert.Equal(("needs-analysis", 1, StageRunStatus.Open), (run.StageKey, run.Run, run.Status));
        Assert.Null(run.Pending);
        Assert.Equal("Add the summer load curve", run.LastSendBackComment);
        Assert.Equal(due, run.Schedule.DueAt); // the deadline the rep was given still stands
        Assert.Equal(ScoreKind.SendBackDeduction, Assert.Single(t.ScoreEntries).Kind);
    }

    [Fact]
    public void The_rep_resubmits_and_the_manager_approves_the_second_submission()
    {
        var s = DealScenario.Started().AdvanceTo("needs-analysis");
        s.Submit(ValidFor("needs-analysis").Value("peakLoadKw", "8000"));
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Peak load looks too low", null), Actors.Manager);
        s.Clock.Advance(TimeSpan.FromHours(3));

        s.Submit(ValidFor("needs-analysis").Value("peakLoadKw", "9200"));

        Assert.Equal(3, s.PendingSubmissionNo); // numbered across the deal: #1 was the first visit
        Assert.Equal(2, s.Deal.Current!.Submissions);
        Assert.Equal("9200", s.Deal.PendingValues["peakLoadKw"]);
        var approved = Assert.IsType<SubmissionApproved>(s.Approve().Events[0].Event);
        Assert.Equal(3, approved.SubmissionNo);
        Assert.Equal("solution-demo", s.Deal.Current!.StageKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no")]
    public void Sending_back_needs_a_comment_for_the_rep(string comment)
    {
        var s = DealScenario.Started();
        s.Submit();

        var error = s.Refused(new SendBackSubmission(s.PendingSubmissionNo, comment, null), Actors.Manager);

        Assert.Equal((DealErrorKind.Invalid, "commentRequired", "Tell the rep what to change."), (error.Kind, error.Code, error.Message));
        Assert.Equal(new FieldError("comment", "tooShort", "Write at least 5 characters for the rep."), Assert.Single(error.Fields!));
    }

    [Fact]
    public void Customer_feedback_can_send_the_deal_back_to_the_solution_demo()
    {
        var s = DealScenario.Started().AdvanceTo("customer-feedback");
        s.Submit();
        s.Clock.Advance(TimeSpan.FromDays(1));

        var t = s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Customer wants a storage option: demo it again", "solution-demo"), Actors.Manager);

        Assert.Equal([typeof(SubmissionSentBack), typeof(StageStarted)], t.Events.Select(e => e.Event.GetType()));
        var restarted = (StageStarted)t.Events[1].Event;
        Assert.Equal(("solution-demo", 2, StageStartReason.SentBack), (restarted.StageKey, restarted.Run, restarted.Reason));

        var deal = s.Deal;
        Assert.Equal(("solution-demo", 2, StageRunStatus.Open), (deal.Current!.StageKey, deal.Current.Run, deal.Current.Status));
        Assert.Equal(s.Now.AddDays(14), deal.Current.Schedule.DueAt);
        var left = deal.History[^1];
        Assert.Equal(("customer-feedback", StageRunStatus.SentBack, "Customer wants a storage option: demo it again"),
            (left.StageKey, left.Status, left.LastSendBackComment));
        Assert.Equal(2, deal.RunCount("solution-demo"));
    }

    [Fact]
    public void After_the_demo_is_redone_the_deal_moves_forward_again()
    {
        var s = DealScenario.Started().AdvanceTo("customer-feedback");
        s.Submit();
        s.Do(new SendBackSubmission(s.PendingSubmissionNo, "Customer asked for changes", "solution-demo"), Actors.Manager);

        s.Clock.Advance(TimeSpan.FromDays(2));
        s.Submit(ValidFor("solution-demo").Value("solutionVersion", "v2.0"));
        s.Approve();

        Assert.Equal(("customer-feedback", 2), (s.Deal.Current!.StageKey, s.Deal.Current.Run));
    }

    [Fact]
    public void A_target_that_is_not_wired_as_a_send_back_is_refused()
    {
        var s = DealScenario.Started().AdvanceTo("customer-feedback");
        s.Submit();

        var error = s.Refused(new SendBackSubmission(s.PendingSubmissionNo, "Start over from scratch", "first-visit"), Actors.Manager);

        Assert.Equal((DealErrorKind.Invalid, "badSendBackTarget"), (error.Kind, error.Code));
        Assert.Equal("Stage 'customer-feedback' can only be sent back to itself, 'solution-demo'.", error.Message);
        Assert.Equal("badSendBackTarget",
            s.Refused(new SendBackSubmission(s.PendingSubmissionNo, "Go somewhere else", "no-such-stage"), Actors.Manager).Code);
    }

    [Fact]
    public void A_stage_with_no_send_back_targets_can_only_be_sent_back_to_itself()
    {
        var s = DealScenario.Started();
        s.Submit();

        var error = s.Refused(new SendBackSubmission(s.PendingSubmissionNo, "Wrong stage entirely", "needs-analysis"), Actors.Manager);

        Assert.Equal("Stage 'first-visit' can only be sent back to itself.", error.Message);
    }

    [Fact]
    public void The_rep_cannot_send_back_their_own_submission()
    {
        var s = DealScenario.Started();
        s.Submit();

        Assert.Equal("notApprover", s.Refused(new SendBackSubmission(s.PendingSubmissionNo, "I want to change it", null), Actors.Rep).Code);
    }
}
