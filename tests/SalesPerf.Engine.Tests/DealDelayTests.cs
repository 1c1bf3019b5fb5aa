using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Tests;

/// <summary>Late stages: the rep records why, the manager may re-classify who caused it.</summary>
public class DealDelayTests
{
    private const string CustomerReason = "Customer has not provided complete consumption data";

    /// <summary>A deal whose first visit (due Monday 9 March 09:00) is a day overdue.</summary>
    private static DealScenario OverdueFirstVisit()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(8));
        return s;
    }

    [Fact]
    public void A_late_submission_without_a_delay_reason_is_refused()
    {
        var s = OverdueFirstVisit();

        var error = s.Refused(new SubmitDeliverable("first-visit", DeliverableBuilder.ValidFor("first-visit")), Actors.Rep);

        Assert.Equal((DealErrorKind.Invalid, "delayReasonRequired"), (error.Kind, error.Code));
        Assert.Equal("This stage was due 2026-03-09 09:00 UTC: record a delay reason before submitting.", error.Message);
        Assert.Equal(new FieldError("delayReason", "required", "Record why the stage is late before submitting."), Assert.Single(error.Fields!));
    }

    [Fact]
    public void A_submission_exactly_at_the_due_time_is_not_late()
    {
        var s = DealScenario.Started();
        s.Clock.Advance(TimeSpan.FromDays(7));

        s.Submit();
        var approved = (SubmissionApproved)s.Approve().Events[0].Event;

        Assert.Equal(0, approved.LateDays);
        Assert.Null(approved.Attribution);
    }

    [Fact]
    public void With_a_delay_reason_the_late_submission_is_accepted_and_the_lateness_recorded()
    {
        var s = OverdueFirstVisit();

        var recorded = s.Do(new RecordDelayReason($"  {CustomerReason}  ", DelayAttribution.Customer), Actors.Rep);
        s.Submit();
        s.Clock.Advance(TimeSpan.FromDays(3)); // the manager's slowness does not count against the rep
        var t = s.Approve();

        var delay = Assert.IsType<DelayReasonRecorded>(Assert.Single(recorded.Events).Event);
        Assert.Equal((1, "first-visit", 1, CustomerReason, DelayAttribution.Customer), (delay.DelayNo, delay.StageKey, delay.Run, delay.Reason, delay.Attribution));
        var approved = Assert.IsType<SubmissionApproved>(t.Events[0].Event);
        // The claim is not confirmed by approving: until the manager decides, it counts as rep-caused.
        Assert.Equal((1, DelayAttribution.Rep, 1), (approved.LateDays, approved.Attribution, approved.DelayNo));
        var run = s.Deal.History.Single(r => r.StageKey == "first-visit");
        Assert.Equal((1, 1), (run.LateDays, run.ScoredDelayNo));
    }

    [Fact]
    public void A_delay_reason_must_say_something_and_comes_from_the_rep()
    {
        var s = OverdueFirstVisit();

        var error = s.Refused(new RecordDelayReason("late", DelayAttribution.Rep), Actors.Rep);
        Assert.Equal(("reasonRequired", "reason", "tooShort"), (error.Code, error.Fields![0].Field, error.Fields[0].Code));

        var forbidden = s.Refused(new RecordDelayReason(CustomerReason, DelayAttribution.Customer), Actors.Manager);
        Assert.Equal((DealErrorKind.Forbidden, "notOwner"), (forbidden.Kind, forbidden.Code));
    }

    [Fact]
    public void The_manager_can_reclassify_the_attribution()
    {
        var s = OverdueFirstVisit();
        s.Do(new RecordDelayReason(CustomerReason, DelayAttribution.Customer), Actors.Rep);

        var t = s.Do(new ReclassifyDelay(1, DelayAttribution.Rep, " Data was sent on 3 March; the rep did not chase it "), Actors.Manager);

        var r = Assert.IsType<DelayReclassified>(Assert.Single(t.Events).Event);
        Assert.Equal((1, DelayAttribution.Customer, DelayAttribution.Rep, "Data was sent on 3 March; the rep did not chase it", "mgr-1"),
            (r.DelayNo, r.From, r.To, r.Comment, r.ActorId));
        var delay = Assert.Single(s.Deal.Delays);
        Assert.Equal((DelayAttribution.Rep, "mgr-1", CustomerReason), (delay.Attribution, delay.DecidedBy, delay.Reason));
    }

    [Fact]
    public void The_rep_cannot_reclassify_their_own_delay()
    {
        var s = OverdueFirstVisit();
        s.Do(new RecordDelayReason("I was on leave last week", DelayAttribution.Rep), Actors.Rep);

        var error = s.Refused(new ReclassifyDelay(1, DelayAttribution.Customer, null), Actors.Rep);

        Assert.Equal((DealErrorKind.Forbidden, "notManager"), (error.Kind, error.Code));
        Assert.Equal("Only the rep's manager or an admin re-classifies a delay.", error.Message);
    }

    [Fact]
    public void Deciding_the_claimed_attribution_confirms_it_once_and_an_unknown_delay_is_refused()
    {
        var s = OverdueFirstVisit();
        s.Do(new RecordDelayReason(CustomerReason, DelayAttribution.Customer), Actors.Rep);
        Assert.False(s.Deal.Delays[0].Decided);
        Assert.Equal(DelayAttribution.Rep, s.Deal.Delays[0].Counted);

        var confirmed = Assert.IsType<DelayConfirmed>(Assert.Single(s.Do(new ReclassifyDelay(1, DelayAttribution.Customer, "Checked with the customer"), Actors.Manager).Events).Event);
        Assert.Equal((1, DelayAttribution.Customer, "Checked with the customer"), (confirmed.DelayNo, confirmed.Attribution, confirmed.Comment));
        Assert.Equal((true, DelayAttribution.Customer), (s.Deal.Delays[0].Decided, s.Deal.Delays[0].Counted));

        var same = s.Refused(new ReclassifyDelay(1, DelayAttribution.Customer, null), Actors.Manager);
        Assert.Equal((DealErrorKind.Conflict, "unchanged", "Delay #1 is already attributed to Customer."), (same.Kind, same.Code, same.Message));
        var unknown = s.Refused(new ReclassifyDelay(2, DelayAttribution.Rep, null), Actors.Admin);
        Assert.Equal(("noDelay", "The deal has no delay reason #2."), (unknown.Code, unknown.Message));
    }

    [Fact]
    public void A_reclassification_before_approval_is_used_when_the_stage_is_approved()
    {
        var s = OverdueFirstVisit();
        s.Do(new RecordDelayReason(CustomerReason, DelayAttribution.Customer), Actors.Rep);
        s.Submit();
        s.Do(new ReclassifyDelay(1, DelayAttribution.Other, "Regional power rationing"), Actors.Manager);

        var approved = (SubmissionApproved)s.Approve().Events[0].Event;

        Assert.Equal(DelayAttribution.Other, approved.Attribution);
    }

    [Fact]
    public void Business_day_stages_count_late_days_in_business_days()
    {
        var s = DealScenario.Started().AdvanceTo("needs-analysis"); // started Tuesday 3 March 09:00, due Tuesday 10 March 09:00
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), s.Deal.Current!.Schedule.DueAt);
        s.Clock.Advance(TimeSpan.FromDays(11).Add(TimeSpan.FromHours(1))); // Saturday 14 March 10:00

        s.Do(new RecordDelayReason("Waited for the customer's load data", DelayAttribution.Rep), Actors.Rep);
        s.Submit();
        var approved = (SubmissionApproved)s.Approve().Events[0].Event;

        Assert.Equal(3, approved.LateDays); // Wednesday, Thursday, Friday; not the Saturday
    }

    [Fact]
    public void The_due_time_in_the_late_message_is_really_utc_whatever_offset_the_host_clock_has()
    {
        var flow = TestFlows.CompileOrFail(TestFlows.SingleStage(TestFlows.Stage("visit", "36h")));
        var beijingMonday = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(8)); // 09:00 UTC
        var deal = DealTransition.Run(null, new CreateDeal(Guid.NewGuid(), "Rooftop PV", "Tianjin Port", "industrial", "rep-1", null),
            new DealContext(flow, Calendar.BusinessCalendar.Utc, beijingMonday, Actors.Rep)).Transition!.After;

        var (_, error) = DealTransition.Run(deal, new SubmitDeliverable("visit", new DeliverableBuilder().Value("notes", "Roof survey done")),
            new DealContext(flow, Calendar.BusinessCalendar.Utc, beijingMonday.AddDays(3), Actors.Rep));

        Assert.Equal("This stage was due 2026-03-03 21:00 UTC: record a delay reason before submitting.", error!.Message);
    }
}
