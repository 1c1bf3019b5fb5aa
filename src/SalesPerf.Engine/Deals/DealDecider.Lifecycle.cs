using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Deals;

public static partial class DealDecider
{
    private static DealDecision RecordDelay(DealState deal, RecordDelayReason r, DealContext ctx)
    {
        if (!ctx.Actor.IsOwner)
            return DealDecision.Fail(DealError.Forbidden("notOwner", "Only the deal's rep records why a stage is late."));
        if (ReasonError(r.Reason, "reason") is { } error) return DealDecision.Fail(error);
        var run = deal.Current!;
        return Ok(new DelayReasonRecorded(deal.Delays.Count + 1, run.StageKey, run.Run, r.Reason.Trim(), r.Attribution)
            { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealDecision Reclassify(DealState deal, ReclassifyDelay r, DealContext ctx)
    {
        if (!ctx.Actor.CanManage || ctx.Actor.IsOwner)
            return DealDecision.Fail(DealError.Forbidden("notManager", "Only the rep's manager or an admin re-classifies a delay."));
        if (deal.Delay(r.DelayNo) is not { } delay)
            return DealDecision.Fail(DealError.Invalid("noDelay", $"The deal has no delay reason #{r.DelayNo}."));
        if (delay.Attribution == r.Attribution && delay.Decided)
            return DealDecision.Fail(DealError.Conflict("unchanged", $"Delay #{r.DelayNo} is already attributed to {r.Attribution}."));
        if (delay.Attribution == r.Attribution)
            return Ok(new DelayConfirmed(r.DelayNo, r.Attribution, Trim(r.Comment)) { At = ctx.Now, ActorId = ctx.Actor.UserId });
        return Ok(new DelayReclassified(r.DelayNo, delay.Attribution, r.Attribution, Trim(r.Comment)) { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealDecision Win(DealState deal, WinDeal w, DealContext ctx)
    {
        if (!ctx.Actor.CanManage)
            return DealDecision.Fail(DealError.Forbidden("notManager", "A deal is closed as won by its manager or an admin (or by approving the contract stage)."));
        if (w.ContractValue is null or < 0)
            return DealDecision.Fail(DealError.Invalid("contractValueRequired", "Enter the signed contract's value.",
                [new("contractValue", "required", "Enter the signed contract's value.")]));
        return Ok(new DealWon(w.ContractValue, Trim(w.Note) ?? $"Closed as won at stage '{deal.Current?.StageKey}', value {Money(w.ContractValue)}")
            { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealDecision Lose(DealState deal, LoseDeal l, DealContext ctx) =>
        ReasonError(l.Reason, "reason") is { } error
            ? DealDecision.Fail(error)
            : Ok(new DealLost(l.Reason.Trim()) { At = ctx.Now, ActorId = ctx.Actor.UserId });

    public const decimal MaxAdjustment = 20;

    private static DealDecision Adjust(AdjustScore a, DealContext ctx)
    {
        if (!ctx.Actor.CanManage || ctx.Actor.IsOwner)
            return DealDecision.Fail(DealError.Forbidden("notManager", "Only the rep's manager or an admin corrects a score."));
        if (a.Points == 0 || Math.Abs(a.Points) > MaxAdjustment)
            return DealDecision.Fail(DealError.Invalid("badAdjustment", $"An adjustment is between −{MaxAdjustment} and +{MaxAdjustment} points, and not 0.",
                [new("points", "outOfRange", $"Between −{MaxAdjustment} and +{MaxAdjustment}, not 0.")]));
        if (ReasonError(a.Reason, "reason") is { } error) return DealDecision.Fail(error);
        return Ok(new ScoreAdjusted(a.Points, a.Reason.Trim(), Trim(a.Reference)) { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealDecision Hold(DealState deal, HoldDeal h, DealContext ctx) =>
        ReasonError(h.Reason, "reason") is { } error
            ? DealDecision.Fail(error)
            : Ok(new DealPutOnHold(h.Reason.Trim()) { At = ctx.Now, ActorId = ctx.Actor.UserId });

    private static DealDecision Resume(DealState deal, DealContext ctx)
    {
        if (deal.Status != DealStatus.OnHold)
            return DealDecision.Fail(DealError.Conflict("notOnHold", "The deal is not on hold."));
        // The time on hold is added to the stage's due times: a paused deal does not become late by pausing.
        var held = ctx.Now - deal.OnHoldSince!.Value;
        var schedule = deal.Current?.Schedule.ShiftedBy(held > TimeSpan.Zero ? held : TimeSpan.Zero);
        return Ok(new DealResumed(schedule) { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealDecision DueFired(DealState deal, RecordDueItemsFired f, DealContext ctx)
    {
        if (!ctx.Actor.IsSystem)
            return DealDecision.Fail(DealError.Forbidden("notSystem", "Due items are recorded by the reminder sweeper only."));
        var pending = DealTransition.PendingDueItems(deal).ToDictionary(i => i.Key);
        if (deal.Current is not { } run || run.StageKey != f.StageKey || run.Run != f.Run || f.ItemKeys.Count == 0
            || f.ItemKeys.Any(k => !pending.ContainsKey(k)))
            return DealDecision.Fail(DealError.Conflict("notPending", $"Due items [{string.Join(", ", f.ItemKeys)}] of stage '{f.StageKey}' run {f.Run} are not all pending."));
        var next = ctx.Flow.Find(run.StageKey) is { } stage
            ? StageSchedule.NextOverdueRepeat(stage, run.Schedule.DueAt, [.. f.ItemKeys.Select(k => pending[k])], ctx.Calendar, ctx.Now)
            : null;
        return Ok(new DueItemsFired(f.StageKey, f.Run, f.ItemKeys, next) { At = ctx.Now, ActorId = ctx.Actor.UserId });
    }

    private static DealError? ReasonError(string? reason, string field) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonLength
            ? DealError.Invalid("reasonRequired", "A reason is required.", [new(field, "tooShort", $"Give a reason of at least {MinReasonLength} characters.")])
            : null;
}
