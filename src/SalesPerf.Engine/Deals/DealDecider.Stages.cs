using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Deals;

public static partial class DealDecider
{
    private static DealDecision Submit(DealState deal, SubmitDeliverable s, DealContext ctx)
    {
        if (!ctx.Actor.IsOwner)
            return DealDecision.Fail(DealError.Forbidden("notOwner", "Only the deal's rep submits its deliverables."));
        var run = deal.Current!;
        if (run.StageKey != s.StageKey)
            return DealDecision.Fail(DealError.Conflict("wrongStage", $"The deal is in stage '{run.StageKey}', not '{s.StageKey}'."));
        if (run.Status == StageRunStatus.Submitted)
            return DealDecision.Fail(DealError.Conflict("alreadySubmitted", "This stage is already submitted and waits for approval."));
        var stage = ctx.Flow[run.StageKey];
        var errors = DeliverableValidator.Validate(stage, s.Deliverable);
        if (errors.Count > 0)
            return DealDecision.Fail(DealError.Invalid("incompleteDeliverable", "The deliverable does not meet the stage's completion criteria.", errors));
        if (run.IsOverdueAt(ctx.Now) && deal.LatestDelayFor(run) is null)
            return DealDecision.Fail(DealError.Invalid("delayReasonRequired",
                $"This stage was due {run.Schedule.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC: record a delay reason before submitting.",
                [new("delayReason", "required", "Record why the stage is late before submitting.")]));

        var submitted = new DeliverableSubmitted(run.StageKey, deal.SubmissionCount + 1, s.Deliverable) { At = ctx.Now, ActorId = ctx.Actor.UserId };
        if (stage.Approval.IsRequired) return Ok(submitted);
        // No approval needed: the submission completes the stage on its own.
        var after = DealState.Apply(deal, submitted);
        var approval = ApprovalEvents(after, ctx, submitted.SubmissionNo, "Approved automatically (no approval required)", "system");
        return Ok([submitted, .. approval]);
    }

    private static DealDecision Approve(DealState deal, ApproveSubmission a, DealContext ctx)
    {
        if (CheckDecision(deal, a.SubmissionNo, ctx) is { } error) return DealDecision.Fail(error);
        return Ok([.. ApprovalEvents(deal, ctx, a.SubmissionNo, a.Comment, ctx.Actor.UserId)]);
    }

    private static IEnumerable<DealEvent> ApprovalEvents(DealState deal, DealContext ctx, int submissionNo, string? comment, string actorId)
    {
        var run = deal.Current!;
        var stage = ctx.Flow[run.StageKey];
        var lateDays = ctx.Calendar.LateDays(run.Schedule.DueAt, run.Pending!.SubmittedAt, stage.Deadline.Unit);
        var delay = lateDays > 0 ? deal.LatestDelayFor(run) : null;
        yield return new SubmissionApproved(run.StageKey, submissionNo, Trim(comment), lateDays,
            lateDays > 0 ? delay?.Counted ?? DelayAttribution.Rep : null, delay?.DelayNo) { At = ctx.Now, ActorId = actorId };

        if (stage.NextStageKey is { } nextKey)
        {
            var next = ctx.Flow[nextKey];
            yield return new StageStarted(nextKey, deal.RunCount(nextKey) + 1, StageStartReason.PreviousApproved, StageSchedule.For(next, ctx.Now, ctx.Calendar))
                { At = ctx.Now, ActorId = actorId };
        }
        else
        {
            yield return new DealWon(ContractValueOf(deal, stage), $"Stage '{stage.Name.En}' approved") { At = ctx.Now, ActorId = actorId };
        }
    }

    /// <summary>The contract value a rep entered in the winning stage's "contractValue" number field, if any.</summary>
    private static decimal? ContractValueOf(DealState deal, Stage stage) =>
        stage.Field("contractValue") is { Type: FieldType.Number } && deal.PendingValues.TryGetValue("contractValue", out var text)
        && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : deal.EstimatedValue;

    private static DealDecision SendBack(DealState deal, SendBackSubmission b, DealContext ctx)
    {
        if (CheckDecision(deal, b.SubmissionNo, ctx) is { } error) return DealDecision.Fail(error);
        if (string.IsNullOrWhiteSpace(b.Comment) || b.Comment.Trim().Length < MinReasonLength)
            return DealDecision.Fail(DealError.Invalid("commentRequired", "Tell the rep what to change.",
                [new("comment", "tooShort", $"Write at least {MinReasonLength} characters for the rep.")]));
        var run = deal.Current!;
        var stage = ctx.Flow[run.StageKey];
        var target = string.IsNullOrEmpty(b.ToStageKey) ? run.StageKey : b.ToStageKey;
        if (target != run.StageKey && !stage.SendBackTargets.Contains(target))
            return DealDecision.Fail(DealError.Invalid("badSendBackTarget",
                $"Stage '{run.StageKey}' can only be sent back to itself{string.Concat(stage.SendBackTargets.Select(t => $", '{t}'"))}."));

        var sentBack = new SubmissionSentBack(run.StageKey, b.SubmissionNo, b.Comment.Trim(), target) { At = ctx.Now, ActorId = ctx.Actor.UserId };
        if (target == run.StageKey) return Ok(sentBack);
        var restarted = new StageStarted(target, deal.RunCount(target) + 1, StageStartReason.SentBack, StageSchedule.For(ctx.Flow[target], ctx.Now, ctx.Calendar))
            { At = ctx.Now, ActorId = ctx.Actor.UserId };
        return Ok(sentBack, restarted);
    }

    /// <summary>Who may decide, and whether the submission is still the one waiting (the concurrency rule).</summary>
    private static DealError? CheckDecision(DealState deal, int submissionNo, DealContext ctx)
    {
        var run = deal.Current!;
        var stage = ctx.Flow[run.StageKey];
        var actor = ctx.Actor;
        var allowed = stage.Approval.Kind switch
        {
            ApproverKind.RepManager => actor.CanManage,
            ApproverKind.Role => actor.IsAdmin || actor.Roles.Contains(stage.Approval.Role!),
            _ => actor.CanManage,
        };
        if (!allowed || actor.IsOwner)
            return DealError.Forbidden("notApprover", stage.Approval.Kind == ApproverKind.Role
                ? $"Stage '{stage.Key}' is approved by the {stage.Approval.Role} role."
                : $"Stage '{stage.Key}' is approved by the rep's manager.");
        if (run.Pending?.SubmissionNo != submissionNo)
            return DealError.Conflict("alreadyDecided", run.Pending is null
                ? $"Submission #{submissionNo} has already been decided; nothing is waiting for approval."
                : $"Submission #{submissionNo} is not the one waiting; #{run.Pending.SubmissionNo} is.");
        return null;
    }
}
