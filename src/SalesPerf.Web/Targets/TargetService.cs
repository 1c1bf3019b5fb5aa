using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Targets;

/// <summary>A parent target's children to save: each child's owner and the value typed for it (null: leave as it is).</summary>
public sealed record ChildValue(string OwnerId, decimal? Value);

/// <summary>
/// The rules of targets. Drafts are set and split freely (every change logged). Approving locks a target; from then on a
/// change needs a reason and a day it applies from that is not already past, or a rep's proposal approved by their manager
/// (never by the proposer). Every change is logged: who, when, old, new, why, effective from.
/// </summary>
public sealed class TargetService(SalesPerfDbContext db, TargetChildren children, TimeProvider clock, Flows.CalendarProvider calendars)
{
    public const int MaxComment = 2000;
    public const decimal MaxValue = 1_000_000_000_000m;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone).DateTime);

    public Task<TargetRecord?> FindAsync(string level, string ownerId, string metric, TargetPeriod period, CancellationToken ct) =>
        db.Targets.SingleOrDefaultAsync(t => t.Level == level && t.OwnerId == ownerId && t.Metric == metric && t.PeriodKind == period.Kind && t.PeriodStart == period.Start, ct);

    /// <summary>Sets one draft target (the company's, or any the caller may set). An approved target is changed with <see cref="EditAsync"/>.</summary>
    public async Task<TargetResult> SetAsync(AccessScope scope, string level, string ownerId, string metric, TargetPeriod period, decimal? value, CancellationToken ct)
    {
        if (!TargetAccess.CanSet(scope, level, ownerId)) return TargetResult.Forbidden("You may not set this target.");
        if (TargetMetrics.Find(metric) is null) return TargetResult.Invalid("metric", "Choose a metric.");
        if (ValueError(value) is { } error) return TargetResult.Invalid("value", error);
        var row = await FindAsync(level, ownerId, metric, period, ct);
        if (row is { Locked: true } && row.Value != value) return TargetResult.Invalid("value", "This target is approved and locked; change it with a reason and the date it applies from.");
        Upsert(scope, row, level, ownerId, metric, period, value!.Value, TargetActions.Set, "");
        await db.SaveChangesAsync(ct);
        return TargetResult.Success();
    }

    /// <summary>
    /// Saves the children of a parent target: typed values, or the parent's value split evenly or by weight
    /// (<paramref name="weights"/> by child owner). Approved children are not changed here.
    /// </summary>
    public async Task<TargetResult> SaveChildrenAsync(AccessScope scope, string parentLevel, string parentOwner, string metric, TargetPeriod period,
        IReadOnlyList<ChildValue> typed, SplitMode mode, IReadOnlyDictionary<string, decimal>? weights, CancellationToken ct)
    {
        if (TargetMetrics.Find(metric) is null) return TargetResult.Invalid("metric", "Choose a metric.");
        var kids = await children.OfAsync(parentLevel, parentOwner, ct);
        if (kids.Count == 0) return TargetResult.NotFound();
        if (kids.Any(k => !TargetAccess.CanSet(scope, k.Level, k.OwnerId))) return TargetResult.Forbidden("You may not set this target.");
        var existing = await db.Targets.Where(t => t.Level == kids[0].Level && t.Metric == metric && t.PeriodKind == period.Kind && t.PeriodStart == period.Start)
            .ToListAsync(ct);
        var rows = kids.ToDictionary(k => k.OwnerId, k => existing.FirstOrDefault(t => t.OwnerId == k.OwnerId));
        var errors = new Dictionary<string, string>();
        var values = new Dictionary<string, decimal>();
        string? note = null;
        object[] noteArgs = [];
        if (mode == SplitMode.Typed)
        {
            foreach (var c in typed.Where(c => rows.ContainsKey(c.OwnerId) && c.Value is not null))
            {
                if (ValueError(c.Value) is { } e) errors["v:" + c.OwnerId] = e;
                else values[c.OwnerId] = c.Value!.Value;
            }
        }
        else
        {
            var parent = await FindAsync(parentLevel, parentOwner, metric, period, ct);
            if (parent is null) return TargetResult.Invalid("", "Set the parent target first.");
            var w = kids.Select(k => mode == SplitMode.Evenly ? 1m : weights?.GetValueOrDefault(k.OwnerId, -1m) ?? -1m).ToList();
            if (w.Any(x => x < 0) || w.Sum() <= 0)
            {
                for (var i = 0; i < kids.Count; i++)
                    if (w[i] < 0) errors["w:" + kids[i].OwnerId] = "A weight of 0 or more.";
                if (errors.Count == 0) errors[""] = "At least one weight must be above zero.";
                return TargetResult.Invalid(errors);
            }
            var split = TargetSplit.ByWeight(parent.Value, w);
            for (var i = 0; i < kids.Count; i++) values[kids[i].OwnerId] = split.Values[i];
            if (split.RemainderOnLast != 0)
            {
                note = "Split so that the parts add up exactly: the rounding remainder of {0} went to the last one, {1}.";
                noteArgs = [TargetProration.Number(split.RemainderOnLast), kids[^1].Name];
            }
        }
        foreach (var (owner, v) in values)
            if (rows[owner] is { Locked: true } r && r.Value != v)
                errors["v:" + owner] = "This target is approved and locked; change it with a reason and the date it applies from.";
        if (errors.Count > 0) return TargetResult.Invalid(errors);
        var action = mode switch { SplitMode.Evenly => TargetActions.SplitEvenly, SplitMode.ByWeight => TargetActions.SplitByWeight, _ => TargetActions.Set };
        const string why = "";
        foreach (var (owner, v) in values)
            if (rows[owner] is not { Locked: true }) Upsert(scope, rows[owner], kids[0].Level, owner, metric, period, v, action, why);
        await db.SaveChangesAsync(ct);
        return TargetResult.Success(note, noteArgs);
    }

    /// <summary>Approves and locks a parent's draft children (and the parent itself when the caller may set it). Each applies from its period's first day.</summary>
    public async Task<TargetResult> ApproveSplitAsync(AccessScope scope, string parentLevel, string parentOwner, string metric, TargetPeriod period, CancellationToken ct)
    {
        var kids = await children.OfAsync(parentLevel, parentOwner, ct);
        if (kids.Count == 0) return TargetResult.NotFound();
        if (kids.Any(k => !TargetAccess.CanSet(scope, k.Level, k.OwnerId))) return TargetResult.Forbidden("You may not approve these targets.");
        var owners = kids.Select(k => k.OwnerId).ToList();
        var rows = await db.Targets.Where(t => t.Level == kids[0].Level && owners.Contains(t.OwnerId) && t.Metric == metric
                                                && t.PeriodKind == period.Kind && t.PeriodStart == period.Start).ToListAsync(ct);
        if (TargetAccess.CanSet(scope, parentLevel, parentOwner) && await FindAsync(parentLevel, parentOwner, metric, period, ct) is { } parent) rows.Add(parent);
        var drafts = rows.Where(r => r.Status is TargetStatuses.Draft or TargetStatuses.Rejected).ToList();
        if (drafts.Count == 0) return TargetResult.Invalid("", "There is no draft target to approve.");
        var now = clock.GetUtcNow();
        foreach (var r in drafts)
        {
            Log(r, TargetActions.Approve, scope.UserId, null, r.Value, "", period.Start, inForce: true);
            r.Status = TargetStatuses.Approved;
            r.Locked = true;
            r.ApprovedById = scope.UserId;
            r.ApprovedAt = now;
            r.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return TargetResult.Success("{0} targets approved and locked.", drafts.Count);
    }

    /// <summary>A rep proposes a change to their own target, with a comment; their manager decides.</summary>
    public async Task<TargetResult> ProposeAsync(AccessScope scope, Guid targetId, decimal? value, string? comment, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var row = await db.Targets.SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (row is null || !TargetAccess.CanSee(scope, row.Level, row.OwnerId, [])) return TargetResult.NotFound();
        if (row.Level != TargetLevels.Rep || row.OwnerId != scope.UserId) return TargetResult.Forbidden("Only the rep may propose a change to their own target.");
        var period = TargetPeriod.FromStored(row.PeriodKind, row.PeriodStart)!;
        var errors = new Dictionary<string, string>();
        if (ValueError(value) is { } ve) errors["value"] = ve;
        else if (value == row.Value) errors["value"] = "Propose a value different from the current one.";
        if (CommentError(comment, "Say why you propose the change.") is { } ce) errors["comment"] = ce;
        var from = row.ApprovedAt is null ? period.Start : effectiveFrom ?? Today;
        if (row.ApprovedAt is not null && EffectiveError(from, period) is { } ee) errors["effectiveFrom"] = ee;
        if (errors.Count > 0) return TargetResult.Invalid(errors);
        if (await db.TargetProposals.AnyAsync(p => p.TargetId == targetId && p.Status == ProposalStatuses.Pending, ct))
            return TargetResult.Conflict("A proposal for this target is already waiting for a decision.");
        var now = clock.GetUtcNow();
        db.TargetProposals.Add(new TargetProposalRecord
        {
            Id = Guid.NewGuid(), TargetId = row.Id, CurrentValue = row.Value, ProposedValue = value!.Value, Comment = comment!.Trim(), EffectiveFrom = Max(from, period.Start),
            ProposedById = scope.UserId, ProposedAt = now, PriorStatus = row.Status,
        });
        Log(row, TargetActions.Propose, scope.UserId, row.Value, value.Value, comment.Trim(), Max(from, period.Start), inForce: false);
        row.Status = TargetStatuses.Proposed;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return TargetResult.Success("Your proposal was sent to your manager.");
    }

    /// <summary>The rep's manager (or an admin), never the proposer, approves or rejects a proposal with a comment.</summary>
    public async Task<TargetResult> DecideAsync(AccessScope scope, Guid proposalId, bool approve, string? comment, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var proposal = await db.TargetProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        var row = proposal is null ? null : await db.Targets.SingleOrDefaultAsync(t => t.Id == proposal.TargetId, ct);
        if (proposal is null || row is null || !TargetAccess.CanSee(scope, row.Level, row.OwnerId, [])) return TargetResult.NotFound();
        if (proposal.ProposedById == scope.UserId || row.OwnerId == scope.UserId) return TargetResult.Forbidden("You cannot decide your own proposal; your manager does.");
        if (!TargetAccess.CanSet(scope, row.Level, row.OwnerId)) return TargetResult.Forbidden("Only the rep's manager decides this proposal.");
        if (proposal.Status != ProposalStatuses.Pending) return TargetResult.Conflict("This proposal was already decided.");
        var errors = new Dictionary<string, string>();
        if (CommentError(comment, approve ? "Say why you approve." : "Say why you reject the proposal.") is { } ce) errors["comment"] = ce;
        var period = TargetPeriod.FromStored(row.PeriodKind, row.PeriodStart)!;
        var from = row.ApprovedAt is null ? period.Start : Max(effectiveFrom ?? proposal.EffectiveFrom, period.Start);
        if (approve && row.ApprovedAt is not null && EffectiveError(from, period) is { } ee) errors["effectiveFrom"] = ee;
        if (errors.Count > 0) return TargetResult.Invalid(errors);
        // Claimed in the database: of two managers deciding at once, the second gets a conflict, not a second decision.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decided = approve ? ProposalStatuses.Approved : ProposalStatuses.Rejected;
        if (await db.TargetProposals.Where(p => p.Id == proposalId && p.Status == ProposalStatuses.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, decided), ct) == 0)
            return TargetResult.Conflict("This proposal was already decided.");
        var now = clock.GetUtcNow();
        proposal.Status = decided;
        proposal.DecidedById = scope.UserId;
        proposal.DecisionComment = comment!.Trim();
        proposal.DecidedAt = now;
        if (approve)
        {
            Log(row, row.ApprovedAt is null ? TargetActions.Approve : TargetActions.ApproveProposal, scope.UserId, row.Value, proposal.ProposedValue, comment.Trim(), from, inForce: true);
            row.Value = proposal.ProposedValue;
            row.Status = TargetStatuses.Approved;
            row.Locked = true;
            row.ApprovedById ??= scope.UserId;
            row.ApprovedAt ??= now;
        }
        else
        {
            Log(row, TargetActions.RejectProposal, scope.UserId, row.Value, proposal.ProposedValue, comment.Trim(), proposal.EffectiveFrom, inForce: false);
            row.Status = proposal.PriorStatus == TargetStatuses.Approved ? TargetStatuses.Approved : TargetStatuses.Rejected;
        }
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TargetResult.Success(approve ? "Proposal approved; the target is locked." : "Proposal rejected.");
    }

    /// <summary>Changes an approved target (admin, or the rep's manager): with a reason, from a day that is not already past.</summary>
    public async Task<TargetResult> EditAsync(AccessScope scope, Guid targetId, decimal? value, string? reason, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var row = await db.Targets.SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (row is null) return TargetResult.NotFound();
        if (!TargetAccess.CanSet(scope, row.Level, row.OwnerId))
            return TargetAccess.CanSee(scope, row.Level, row.OwnerId, []) ? TargetResult.Forbidden("You may not change this target.") : TargetResult.NotFound();
        if (!row.Locked) return await SetAsync(scope, row.Level, row.OwnerId, row.Metric, TargetPeriod.FromStored(row.PeriodKind, row.PeriodStart)!, value, ct);
        var period = TargetPeriod.FromStored(row.PeriodKind, row.PeriodStart)!;
        var errors = new Dictionary<string, string>();
        if (ValueError(value) is { } ve) errors["value"] = ve;
        else if (value == row.Value) errors["value"] = "Enter a value different from the current one.";
        if (CommentError(reason, "Give the reason for the change.") is { } ce) errors["reason"] = ce;
        if (effectiveFrom is null) errors["effectiveFrom"] = "Give the day the change applies from (yyyy-MM-dd).";
        else if (EffectiveError(Max(effectiveFrom.Value, period.Start), period) is { } ee) errors["effectiveFrom"] = ee;
        if (errors.Count > 0) return TargetResult.Invalid(errors);
        if (await db.TargetProposals.AnyAsync(p => p.TargetId == targetId && p.Status == ProposalStatuses.Pending, ct))
            return TargetResult.Conflict("Decide the rep's pending proposal first.");
        Log(row, TargetActions.Edit, scope.UserId, row.Value, value!.Value, reason!.Trim(), Max(effectiveFrom!.Value, period.Start), inForce: true);
        row.Value = value.Value;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TargetResult.Success("Target changed from {0}.", Max(effectiveFrom.Value, period.Start).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Upsert(AccessScope scope, TargetRecord? row, string level, string ownerId, string metric, TargetPeriod period, decimal value, string action, string why)
    {
        var now = clock.GetUtcNow();
        if (row is null)
        {
            row = db.Targets.Add(new TargetRecord
            {
                Id = Guid.NewGuid(), Level = level, OwnerId = ownerId, Metric = metric, PeriodKind = period.Kind, PeriodStart = period.Start,
                Value = value, Status = TargetStatuses.Draft, UpdatedAt = now,
            }).Entity;
            Log(row, action, scope.UserId, null, value, why, period.Start, inForce: false);
            return;
        }
        if (row.Value == value) return;
        Log(row, action, scope.UserId, row.Value, value, why, period.Start, inForce: false);
        row.Value = value;
        row.UpdatedAt = now;
    }

    private void Log(TargetRecord row, string action, string by, decimal? old, decimal value, string comment, DateOnly from, bool inForce) =>
        db.TargetChanges.Add(new TargetChangeRecord
        {
            Id = Guid.NewGuid(), TargetId = row.Id, Action = action, ById = by, At = clock.GetUtcNow(), OldValue = old, NewValue = value,
            Comment = comment, EffectiveFrom = from, InForce = inForce,
        });

    private string? EffectiveError(DateOnly from, TargetPeriod period) =>
        from < Today ? "A change cannot apply to days already past; choose today or a later day."
        : from >= period.End ? "The day is after the target's period." : null;

    private static string? ValueError(decimal? value) =>
        value is null ? "Enter a number." : value < 0 || value > MaxValue ? "Enter a number of 0 or more." : null;

    private static string? CommentError(string? comment, string missing) =>
        string.IsNullOrWhiteSpace(comment) ? missing : comment.Trim().Length > MaxComment ? "At most 2000 characters." : null;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

public enum SplitMode { Typed, Evenly, ByWeight }
