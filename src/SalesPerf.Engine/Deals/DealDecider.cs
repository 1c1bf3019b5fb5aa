using System.Globalization;
using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Deals;

/// <summary>Everything a decision may depend on besides the deal: its flow version, the calendar, the clock, the actor.</summary>
public sealed record DealContext(StageFlow Flow, BusinessCalendar Calendar, DateTimeOffset Now, Actor Actor);

public sealed record DealDecision(IReadOnlyList<DealEvent> Events, DealError? Error)
{
    public bool Succeeded => Error is null;
    public static DealDecision Fail(DealError error) => new([], error);
}

/// <summary>
/// Checks a command against the flow and the deal's state and answers with the events it causes, or an error.
/// Pure: no clock, no I/O; everything comes in through <see cref="DealContext"/>.
/// </summary>
public static partial class DealDecider
{
    public const int MinReasonLength = 5;

    public static DealDecision Decide(DealState? deal, DealCommand command, DealContext ctx)
    {
        if (command is CreateDeal create) return Create(deal, create, ctx);
        if (deal is null) return DealDecision.Fail(DealError.Invalid("noDeal", "The deal does not exist."));
        if (!ctx.Actor.CanWorkOn) return DealDecision.Fail(DealError.Forbidden("notYours", "You can only act on your own or your team's deals."));
        if (command is AdjustScore adjust) return Adjust(adjust, ctx); // a correction may come after the deal closed
        if (deal.IsClosed)
            return DealDecision.Fail(DealError.Conflict("closed", $"The deal is already {deal.Status.ToString().ToLowerInvariant()}."));
        if (deal.Status == DealStatus.OnHold && command is not (ResumeDeal or LoseDeal or LogFollowUp or Flows.Migration.MigrateDeal))
            return DealDecision.Fail(DealError.Conflict("onHold", "The deal is on hold: resume it first."));

        return command switch
        {
            LogFollowUp f => FollowUp(deal, f, ctx),
            SubmitDeliverable s => Submit(deal, s, ctx),
            ApproveSubmission a => Approve(deal, a, ctx),
            SendBackSubmission b => SendBack(deal, b, ctx),
            RecordDelayReason r => RecordDelay(deal, r, ctx),
            ReclassifyDelay r => Reclassify(deal, r, ctx),
            WinDeal w => Win(deal, w, ctx),
            LoseDeal l => Lose(deal, l, ctx),
            HoldDeal h => Hold(deal, h, ctx),
            ResumeDeal => Resume(deal, ctx),
            RecordDueItemsFired f => DueFired(deal, f, ctx),
            Flows.Migration.MigrateDeal m => Migrate(deal, m, ctx),
            _ => DealDecision.Fail(DealError.Invalid("unknownCommand", $"Unknown command {command.GetType().Name}.")),
        };
    }

    private static DealDecision Ok(params DealEvent[] events) => new(events, null);

    private static DealDecision Create(DealState? existing, CreateDeal c, DealContext ctx)
    {
        if (existing is not null) return DealDecision.Fail(DealError.Conflict("exists", "A deal with this id already exists."));
        var fields = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Title)) fields.Add(new("title", "required", "A deal needs a title."));
        if (string.IsNullOrWhiteSpace(c.Customer)) fields.Add(new("customer", "required", "A deal needs a customer."));
        if (string.IsNullOrWhiteSpace(c.CustomerType)) fields.Add(new("customerType", "required", "A deal needs a customer type."));
        if (c.EstimatedValue < 0) fields.Add(new("estimatedValue", "outOfRange", "The estimated value cannot be negative."));
        if (fields.Count > 0) return DealDecision.Fail(DealError.Invalid("invalidDeal", "The deal is incomplete.", fields));
        if (!ctx.Actor.IsOwner && !ctx.Actor.CanManage)
            return DealDecision.Fail(DealError.Forbidden("notYourRep", "You can create deals for yourself or your team's reps."));

        var first = ctx.Flow.FirstStage;
        return Ok(
            new DealCreated(c.DealId, c.Title.Trim(), c.Customer.Trim(), c.CustomerType.Trim(), c.RepId, ctx.Flow.DefinitionId, ctx.Flow.Version, c.EstimatedValue)
                { At = ctx.Now, ActorId = ctx.Actor.UserId },
            new StageStarted(first.Key, 1, StageStartReason.DealCreated, StageSchedule.For(first, ctx.Now, ctx.Calendar))
                { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealDecision FollowUp(DealState deal, LogFollowUp f, DealContext ctx)
    {
        var fields = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(f.Content) || f.Content.Trim().Length < MinReasonLength)
            fields.Add(new("content", "tooShort", $"Describe the follow-up in at least {MinReasonLength} characters."));
        if (f.VisitedAt > ctx.Now.AddMinutes(5))
            fields.Add(new("visitedAt", "future", "A follow-up cannot be logged for a time in the future."));
        if (f.NextStepDate is { } next && next < ctx.Calendar.LocalDate(f.VisitedAt))
            fields.Add(new("nextStepDate", "beforeVisit", "The next step cannot be dated before the follow-up."));
        if (!string.IsNullOrWhiteSpace(f.NextStep) != f.NextStepDate.HasValue)
            fields.Add(new(f.NextStepDate.HasValue ? "nextStep" : "nextStepDate", "required", "A next step needs both what and when."));
        if (fields.Count > 0) return DealDecision.Fail(DealError.Invalid("invalidFollowUp", "The follow-up is incomplete.", fields));
        return Ok(new FollowUpLogged(deal.FollowUps.Count + 1, f.VisitedAt, f.Content.Trim(), Trim(f.CustomerNeeds), Trim(f.NextStep), f.NextStepDate)
            { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Money(decimal? d) => d?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";
}
