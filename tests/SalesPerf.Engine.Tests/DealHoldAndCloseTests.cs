using SalesPerf.Engine.Deals;

namespace SalesPerf.Engine.Tests;

/// <summary>Lost and on-hold deals, resuming, and follow-up visits.</summary>
public class DealHoldAndCloseTests
{
    [Fact]
    public void Losing_a_deal_closes_it_with_the_reason_at_any_stage()
    {
        var s = DealScenario.Started().AdvanceTo("solution-demo");

        var t = s.Do(new LoseDeal("  Customer chose a competitor's cheaper offer  "), Actors.Rep);

        Assert.Equal("Customer chose a competitor's cheaper offer", Assert.IsType<DealLost>(Assert.Single(t.Events).Event).Reason);
        Assert.Equal((DealStatus.Lost, "Customer chose a competitor's cheaper offer", s.Now), (s.Deal.Status, s.Deal.ClosedReason, s.Deal.ClosedAt));
        Assert.Null(s.Deal.Current);
        Assert.Equal("solution-demo", s.Deal.History[^1].StageKey);
        Assert.Equal("The deal is already lost.", s.Refused(new ResumeDeal(), Actors.Manager).Message);
    }

    [Fact]
    public void Losing_or_holding_needs_a_reason()
    {
        var s = DealScenario.Started();

        Assert.Equal("reasonRequired", s.Refused(new LoseDeal(" "), Actors.Rep).Code);
        Assert.Equal("reasonRequired", s.Refused(new HoldDeal("wait"), Actors.Rep).Code);
    }

    [Fact]
    public void Holding_a_deal_records_since_when_and_why()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(2));

        s.Do(new HoldDeal("Budget frozen until the provincial grid plan is out"), Actors.Manager);

        Assert.Equal((DealStatus.OnHold, s.Now, "Budget frozen until the provincial grid plan is out"),
            (s.Deal.Status, s.Deal.OnHoldSince, s.Deal.ClosedReason));
        Assert.Equal("first-visit", s.Deal.Current!.StageKey);
    }

    [Fact]
    public void Commands_are_refused_while_on_hold_except_resume_lose_and_follow_up()
    {
        var s = DealScenario.Started();
        s.Submit();
        var submissionNo = s.PendingSubmissionNo;
        s.Do(new HoldDeal("Customer reorganising its energy department"), Actors.Rep);

        foreach (var (command, actor) in new (DealCommand, Actor)[]
        {
            (new ApproveSubmission(submissionNo, null), Actors.Manager),
            (new SendBackSubmission(submissionNo, "Please add more detail", null), Actors.Manager),
            (new RecordDelayReason("Customer reorganising", Flows.DelayAttribution.Customer), Actors.Rep),
            (new HoldDeal("Still reorganising"), Actors.Rep),
            (new WinDeal(100m, null), Actors.Manager),
        })
        {
            var error = s.Refused(command, actor);
            Assert.Equal((DealErrorKind.Conflict, "onHold", "The deal is on hold: resume it first."), (error.Kind, error.Code, error.Message));
        }

        s.Do(new LogFollowUp(s.Now, "Called the energy manager, still waiting", null, null, null), Actors.Rep);
        Assert.Equal(DealStatus.OnHold, s.Deal.Status);
        s.Do(new LoseDeal("Project cancelled after the reorganisation"), Actors.Manager);
        Assert.Equal(DealStatus.Lost, s.Deal.Status);
    }

    [Fact]
    public void Resuming_moves_every_due_time_later_by_the_time_on_hold()
    {
        var s = DealScenario.Started();                      // first visit due Monday 9 March 09:00
        var before = s.Deal.Current!.Schedule;
        s.Clock.Advance(TimeSpan.FromDays(2));
        s.Do(new HoldDeal("Customer site closed for an audit"), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(5).Add(TimeSpan.FromHours(6)));

        var t = s.Do(new ResumeDeal(), Actors.Rep);

        var held = TimeSpan.FromDays(5).Add(TimeSpan.FromHours(6));
        var resumed = Assert.IsType<DealResumed>(Assert.Single(t.Events).Event);
        Assert.Equal(before.DueAt + held, resumed.Schedule!.DueAt);
        var after = s.Deal.Current!.Schedule;
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 15, 0, 0, TimeSpan.Zero), after.DueAt);
        Assert.Equal(before.Items.Select(i => (i.Key, i.DueAt + held)), after.Items.Select(i => (i.Key, i.DueAt)));
        Assert.Equal((DealStatus.Active, (DateTimeOffset?)null, (string?)null), (s.Deal.Status, s.Deal.OnHoldSince, s.Deal.ClosedReason));
    }

    [Fact]
    public void After_resuming_the_time_on_hold_does_not_make_the_stage_late()
    {
        var s = DealScenario.Started();
        s.Do(new HoldDeal("Customer site closed for an audit"), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(10));
        s.Do(new ResumeDeal(), Actors.Rep);
        s.Clock.Advance(TimeSpan.FromDays(6));                // 16 days after the start, 6 after resuming

        s.Submit();                                          // no delay reason needed
        var approved = (SubmissionApproved)s.Approve().Events[0].Event;

        Assert.Equal(0, approved.LateDays);
    }

    [Fact]
    public void Resuming_a_deal_that_is_not_on_hold_is_refused()
    {
        var s = DealScenario.Started();

        var error = s.Refused(new ResumeDeal(), Actors.Rep);

        Assert.Equal((DealErrorKind.Conflict, "notOnHold", "The deal is not on hold."), (error.Kind, error.Code, error.Message));
    }

    [Fact]
    public void A_follow_up_is_logged_with_its_next_step()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(1));
        var visited = s.Now.AddHours(-2);

        var t = s.Do(new LogFollowUp(visited, " Site walk with the plant engineer ", "Wants a storage quote", " Send storage quote ", new DateOnly(2026, 3, 6)), Actors.Rep);

        var logged = Assert.IsType<FollowUpLogged>(Assert.Single(t.Events).Event);
        Assert.Equal((1, visited, "Site walk with the plant engineer", "Send storage quote"), (logged.FollowUpNo, logged.VisitedAt, logged.Content, logged.NextStep));
        var followUp = Assert.Single(s.Deal.FollowUps);
        Assert.Equal(("rep-1", "Wants a storage quote"), (followUp.LoggedBy, followUp.CustomerNeeds));
        Assert.Equal(new DateOnly(2026, 3, 6), s.Deal.NextFollowUpDate);
        Assert.Equal(s.Now, s.Deal.LastActivityAt);
    }

    [Fact]
    public void A_follow_up_with_too_little_content_is_refused()
    {
        var s = DealScenario.Started();

        var error = s.Refused(new LogFollowUp(s.Now, "call", null, null, null), Actors.Rep);

        Assert.Equal((DealErrorKind.Invalid, "invalidFollowUp"), (error.Kind, error.Code));
        Assert.Equal(new FieldError("content", "tooShort", "Describe the follow-up in at least 5 characters."), Assert.Single(error.Fields!));
    }

    [Fact]
    public void A_next_step_needs_both_what_and_when()
    {
        var s = DealScenario.Started();

        var noDate = s.Refused(new LogFollowUp(s.Now, "Met the purchasing team", null, "Send the revised quote", null), Actors.Rep);
        Assert.Equal(new FieldError("nextStepDate", "required", "A next step needs both what and when."), Assert.Single(noDate.Fields!));

        var noStep = s.Refused(new LogFollowUp(s.Now, "Met the purchasing team", null, "  ", new DateOnly(2026, 3, 9)), Actors.Rep);
        Assert.Equal(("nextStep", "required"), (Assert.Single(noStep.Fields!).Field, noStep.Fields![0].Code));
    }

    [Fact]
    public void A_follow_up_cannot_be_in_the_future_or_plan_a_step_before_itself()
    {
        var s = DealScenario.Started();

        var future = s.Refused(new LogFollowUp(s.Now.AddHours(1), "Visit planned for later", null, null, null), Actors.Rep);
        Assert.Equal(("visitedAt", "future"), (future.Fields![0].Field, future.Fields[0].Code));

        var before = s.Refused(new LogFollowUp(s.Now, "Met the purchasing team", null, "Call back", new DateOnly(2026, 3, 1)), Actors.Rep);
        Assert.Equal(("nextStepDate", "beforeVisit"), (before.Fields![0].Field, before.Fields[0].Code));

        s.Do(new LogFollowUp(s.Now.AddMinutes(4), "Logged a few minutes early (phone clock)", null, null, null), Actors.Rep);
    }
}
