using SalesPerf.Engine.Deals;
using static SalesPerf.Engine.Tests.DeliverableBuilder;

namespace SalesPerf.Engine.Tests;

/// <summary>A deal from creation to won: who may do what, which stage it is in, what is due when.</summary>
public class DealLifecycleTests
{
    [Fact]
    public void Creating_a_deal_starts_the_first_stage_with_its_deadline()
    {
        var s = new DealScenario();

        var t = s.Do(new CreateDeal(s.DealId, " Substation upgrade ", "Hebei Steel", "industrial", "rep-1", 1_000_000m), Actors.Rep);

        Assert.Equal([typeof(DealCreated), typeof(StageStarted)], t.Events.Select(e => e.Event.GetType()));
        Assert.Equal([1, 2], t.Events.Select(e => e.Sequence));
        Assert.Null(t.Before);
        var deal = t.After;
        Assert.Equal(("Substation upgrade", "rep-1", "default-sales-flow", 1), (deal.Title, deal.RepId, deal.FlowDefinitionId, deal.FlowVersion));
        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.Equal(("first-visit", 1, StageRunStatus.Open), (deal.Current!.StageKey, deal.Current.Run, deal.Current.Status));
        Assert.Equal(DealScenario.Monday.AddDays(7), deal.Current.Schedule.DueAt);
        Assert.Equal(2, deal.Version);
        Assert.Empty(t.ScoreEntries);
    }

    [Fact]
    public void A_deal_needs_a_title_customer_and_type()
    {
        var s = new DealScenario();

        var error = s.Refused(new CreateDeal(s.DealId, " ", "", "industrial", "rep-1", -5m), Actors.Rep);

        Assert.Equal((DealErrorKind.Invalid, "invalidDeal"), (error.Kind, error.Code));
        Assert.Equal([("title", "required"), ("customer", "required"), ("estimatedValue", "outOfRange")],
            error.Fields!.Select(f => (f.Field, f.Code)));
    }

    [Fact]
    public void A_manager_may_create_a_deal_for_a_team_rep_but_another_rep_may_not()
    {
        var s = new DealScenario();
        var create = new CreateDeal(s.DealId, "Grid connection", "Solar Co", "newEnergy", "rep-1", null);

        Assert.Equal("notYourRep", s.Refused(create, Actors.OtherRep).Code);
        s.Do(create, Actors.Manager);
        Assert.Equal("exists", s.Refused(create, Actors.Manager).Code);
    }

    [Fact]
    public void Only_the_rep_and_their_managers_can_act_on_the_deal()
    {
        var s = DealScenario.Started();

        var error = s.Refused(new SubmitDeliverable("first-visit", ValidFor("first-visit")), Actors.OtherTeamManager);

        Assert.Equal((DealErrorKind.Forbidden, "notYours"), (error.Kind, error.Code));
        Assert.Equal("notOwner", s.Refused(new SubmitDeliverable("first-visit", ValidFor("first-visit")), Actors.Manager).Code);
    }

    [Fact]
    public void Submitting_a_complete_deliverable_waits_for_the_manager()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(2));

        var t = s.Submit();

        var submitted = Assert.IsType<DeliverableSubmitted>(Assert.Single(t.Events).Event);
        Assert.Equal(("first-visit", 1, "rep-1"), (submitted.StageKey, submitted.SubmissionNo, submitted.ActorId));
        Assert.Equal(StageRunStatus.Submitted, s.Deal.Current!.Status);
        Assert.Equal(s.Now, s.Deal.Current.Pending!.SubmittedAt);
        Assert.Equal("industrial", s.Deal.PendingValues["customerType"]);
        Assert.Equal("alreadySubmitted", s.Refused(new SubmitDeliverable("first-visit", ValidFor("first-visit")), Actors.Rep).Code);
    }

    [Fact]
    public void Submitting_for_another_stage_than_the_current_one_is_refused()
    {
        var s = DealScenario.Started();

        var error = s.Refused(new SubmitDeliverable("needs-analysis", ValidFor("needs-analysis")), Actors.Rep);

        Assert.Equal((DealErrorKind.Conflict, "wrongStage"), (error.Kind, error.Code));
        Assert.Equal("The deal is in stage 'first-visit', not 'needs-analysis'.", error.Message);
    }

    [Fact]
    public void A_deliverable_with_missing_and_invalid_fields_is_refused_field_by_field()
    {
        var s = DealScenario.Started().AdvanceTo("needs-analysis");
        var deliverable = ValidFor("needs-analysis")
            .Without("existingEquipment")
            .Value("loadProfile", "Peak 8 MW")
            .Value("forecastGrowthPct", "900")
            .File("report", "report.exe");

        var error = s.Refused(new SubmitDeliverable("needs-analysis", deliverable), Actors.Rep);

        Assert.Equal((DealErrorKind.Invalid, "incompleteDeliverable"), (error.Kind, error.Code));
        Assert.Equal(
        [
            ("loadProfile", "tooShort", "Electricity load profile needs at least 50 characters (has 9)"),
            ("existingEquipment", "required", "Existing equipment is required"),
            ("forecastGrowthPct", "outOfRange", "Expected annual growth must be between -100 and 500"),
            ("report", "fileType", "report.exe: Needs-analysis report accepts xlsx, docx, pdf files"),
        ], error.Fields!.Select(f => (f.Field, f.Code, f.Message)));
        Assert.Equal(StageRunStatus.Open, s.Deal.Current!.Status);
    }

    [Fact]
    public void A_feedback_deliverable_with_a_bad_date_choice_and_unticked_checklist_is_refused()
    {
        var s = DealScenario.Started().AdvanceTo("customer-feedback");
        var deliverable = ValidFor("customer-feedback")
            .Value("responseDate", "next Friday")
            .Value("changesRequested", "huge")
            .Check("handover", "notified");

        var error = s.Refused(new SubmitDeliverable("customer-feedback", deliverable), Actors.Rep);

        Assert.Equal(
        [
            ("changesRequested", "notAnOption", "Changes requested must be one of: none, minor, major"),
            ("handover", "incomplete", "Hand-over to the technical team: still to do — Revision plan agreed"),
            ("responseDate", "notADate", "Reply to customer on must be a date (yyyy-MM-dd)"),
        ], error.Fields!.Select(f => (f.Field, f.Code, f.Message)));
    }

    [Fact]
    public void The_rep_cannot_approve_their_own_submission()
    {
        var s = DealScenario.Started();
        s.Submit();

        var error = s.Refused(new ApproveSubmission(s.PendingSubmissionNo, "looks good"), Actors.Rep);

        Assert.Equal((DealErrorKind.Forbidden, "notApprover"), (error.Kind, error.Code));
        Assert.Equal("Stage 'first-visit' is approved by the rep's manager.", error.Message);
    }

    [Fact]
    public void A_manager_who_owns_the_deal_still_cannot_approve_it()
    {
        var s = DealScenario.Started();
        s.Submit();
        var selfManaged = Actors.Manager with { IsOwner = true };

        Assert.Equal("notApprover", s.Refused(new ApproveSubmission(s.PendingSubmissionNo, null), selfManaged).Code);
    }

    [Fact]
    public void The_reps_manager_approving_starts_the_next_stage_with_a_new_due_date()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(3));
        s.Submit();
        s.Clock.Advance(TimeSpan.FromHours(4)); // approved Thursday 13:00

        var t = s.Approve(comment: " Good visit notes ");

        var approved = Assert.IsType<SubmissionApproved>(t.Events[0].Event);
        Assert.Equal(("first-visit", 1, "Good visit notes", 0, "mgr-1"), (approved.StageKey, approved.SubmissionNo, approved.Comment, approved.LateDays, approved.ActorId));
        var started = Assert.IsType<StageStarted>(t.Events[1].Event);
        Assert.Equal(("needs-analysis", 1, StageStartReason.PreviousApproved), (started.StageKey, started.Run, started.Reason));

        var deal = t.After;
        Assert.Equal("needs-analysis", deal.Current!.StageKey);
        Assert.Equal(StageRunStatus.Open, deal.Current.Status);
        // 5 business days from Thursday 5 March 13:00 is Thursday 12 March 13:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 13, 0, 0, TimeSpan.Zero), deal.Current.Schedule.DueAt);
        var history = Assert.Single(deal.History);
        Assert.Equal(("first-visit", StageRunStatus.Approved, s.Now), (history.StageKey, history.Status, history.ApprovedAt));
    }

    [Fact]
    public void An_admin_may_approve_but_a_manager_of_another_team_may_not()
    {
        var s = DealScenario.Started();
        s.Submit();

        Assert.Equal("notYours", s.Refused(new ApproveSubmission(s.PendingSubmissionNo, null), Actors.OtherTeamManager).Code);
        s.Approve(Actors.Admin);

        Assert.Equal("needs-analysis", s.Deal.Current!.StageKey);
    }

    [Fact]
    public void Approving_the_contract_stage_wins_the_deal_with_the_signed_value()
    {
        var s = DealScenario.Started().AdvanceTo("contract");
        s.Submit(ValidFor("contract").Value("contractValue", "1,180,000.50"));

        var t = s.Approve();

        var won = Assert.IsType<DealWon>(t.Events[^1].Event);
        Assert.Equal(1_180_000.50m, won.ContractValue);
        Assert.Equal("Stage 'Contract signed' approved", won.Note);
        Assert.Equal(DealStatus.Won, t.After.Status);
        Assert.Equal(1_180_000.50m, t.After.ContractValue);
        Assert.Equal(s.Now, t.After.ClosedAt);
        Assert.Null(t.After.Current);
        Assert.Equal(["first-visit", "needs-analysis", "solution-demo", "customer-feedback", "negotiation", "contract"],
            t.After.History.Select(r => r.StageKey));
        Assert.All(t.After.History, r => Assert.Equal(StageRunStatus.Approved, r.Status));
    }

    [Fact]
    public void A_won_deal_accepts_no_more_commands()
    {
        var s = DealScenario.Started().AdvanceTo("contract");
        s.Submit();
        s.Approve();

        var error = s.Refused(new LogFollowUp(s.Now, "Courtesy call after signing", null, null, null), Actors.Rep);

        Assert.Equal((DealErrorKind.Conflict, "closed", "The deal is already won."), (error.Kind, error.Code, error.Message));
    }

    [Fact]
    public void A_manager_can_close_a_deal_as_won_at_any_stage_with_a_value()
    {
        var s = DealScenario.Started().AdvanceTo("negotiation");

        Assert.Equal("notManager", s.Refused(new WinDeal(900_000m, null), Actors.Rep).Code);
        var error = s.Refused(new WinDeal(null, null), Actors.Manager);
        Assert.Equal(("contractValueRequired", "contractValue", "required"), (error.Code, error.Fields![0].Field, error.Fields[0].Code));

        var t = s.Do(new WinDeal(900_000m, null), Actors.Manager);

        Assert.Equal("Closed as won at stage 'negotiation', value 900,000", ((DealWon)t.Events[0].Event).Note);
        Assert.Equal((DealStatus.Won, 900_000m), (s.Deal.Status, s.Deal.ContractValue));
    }

    [Fact]
    public void A_stage_without_approval_completes_on_submission()
    {
        var visit = TestFlows.Stage("visit");
        visit["approver"] = "None";
        var flow = TestFlows.CompileOrFail(TestFlows.Mini([TestFlows.Start(), visit, TestFlows.Stage("offer"), TestFlows.Won()],
            ("start", "Done", "visit"), ("visit", "Approved", "offer"), ("offer", "Approved", "won")));
        var s = DealScenario.Started(flow);

        var t = s.Submit(new DeliverableBuilder().Value("notes", "Met the energy manager"));

        Assert.Equal([typeof(DeliverableSubmitted), typeof(SubmissionApproved), typeof(StageStarted)], t.Events.Select(e => e.Event.GetType()));
        Assert.Equal("system", t.Events[1].Event.ActorId);
        Assert.Equal("offer", s.Deal.Current!.StageKey);
    }
}
