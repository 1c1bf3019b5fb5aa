using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Targets;

public sealed record TargetLine(Guid? Id, string Level, string OwnerId, string Name, decimal? Value, string Status, bool Locked);

/// <summary>A parent target and its children's, whether they add up, and whether the viewer sets them.</summary>
public sealed record TargetSplitView(TargetOwner Parent, TargetLine? ParentLine, IReadOnlyList<TargetLine> Children, TargetMismatch Mismatch, bool CanEdit)
{
    public bool HasDrafts => Children.Append(ParentLine).Any(c => c is { Id: not null, Status: TargetStatuses.Draft or TargetStatuses.Rejected });
}

public sealed record ChangeLine(DateTimeOffset At, string By, string Action, decimal? Old, decimal New, string Comment, DateOnly EffectiveFrom, bool InForce);

public sealed record ProposalLine(Guid Id, Guid TargetId, string RepId, string RepName, string Metric, TargetPeriod Period, decimal Current, decimal Proposed,
    string Comment, DateOnly EffectiveFrom, DateTimeOffset At, string Status, string? DecidedBy, string? DecisionComment, DateTimeOffset? DecidedAt);

/// <summary>One of a rep's targets with its change log and proposals.</summary>
public sealed record RepTargetCard(TargetRecord Target, TargetPeriod Period, IReadOnlyList<ChangeLine> Log, IReadOnlyList<ProposalLine> Proposals)
{
    public ProposalLine? Pending => Proposals.FirstOrDefault(p => p.Status == ProposalStatuses.Pending);
}

/// <summary>What the targets pages show, read through <see cref="TargetAccess.VisibleAsync"/> so nobody reads more than they may see.</summary>
public sealed class TargetBoardQuery(SalesPerfDbContext db, TargetAccess access, TargetChildren children)
{
    public async Task<TargetSplitView> SplitAsync(AccessScope scope, TargetOwner parent, string metric, TargetPeriod period, CancellationToken ct)
    {
        var kids = await children.OfAsync(parent.Level, parent.OwnerId, ct);
        var visible = await access.VisibleAsync(scope, ct);
        var owners = kids.Select(k => k.OwnerId).Append(parent.OwnerId).ToList();
        var rows = await visible.AsNoTracking().Where(t => owners.Contains(t.OwnerId) && t.Metric == metric && t.PeriodKind == period.Kind && t.PeriodStart == period.Start)
            .ToListAsync(ct);
        TargetLine Line(string level, string owner, string name) =>
            rows.FirstOrDefault(r => r.Level == level && r.OwnerId == owner) is { } r
                ? new(r.Id, level, owner, name, r.Value, r.Status, r.Locked)
                : new(null, level, owner, name, null, "", false);
        var parentLine = Line(parent.Level, parent.OwnerId, parent.Name);
        var lines = kids.Where(k => k.Level != TargetLevels.Rep || scope.CanSee(k.OwnerId)).Select(k => Line(k.Level, k.OwnerId, k.Name)).ToList();
        return new(parent, parentLine, lines, TargetMismatch.Of(parentLine.Value, lines.Select(l => l.Value)),
            kids.Count > 0 && kids.All(k => TargetAccess.CanSet(scope, k.Level, k.OwnerId)));
    }

    /// <summary>The company's and the viewer's teams' targets for the period, every metric (the headline).</summary>
    public async Task<List<TargetRecord>> HeadlineAsync(AccessScope scope, TargetPeriod period, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(scope, ct);
        return await visible.AsNoTracking().Where(t => t.Level != TargetLevels.Rep && t.PeriodKind == period.Kind && t.PeriodStart == period.Start).ToListAsync(ct);
    }

    /// <summary>Proposals waiting for the viewer's decision: their reps' (an admin's: all), never their own.</summary>
    public async Task<List<ProposalLine>> PendingForAsync(AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsAdmin && scope.ManagedRepIds.Count == 0) return [];
        var reps = scope.ManagedRepIds.ToList();
        var me = scope.UserId;
        var targets = db.Targets.Where(t => t.Level == TargetLevels.Rep && t.OwnerId != me && (scope.IsAdmin || reps.Contains(t.OwnerId)));
        var pending = await db.TargetProposals.AsNoTracking().Where(p => p.Status == ProposalStatuses.Pending && p.ProposedById != me && targets.Any(t => t.Id == p.TargetId))
            .ToListAsync(ct);
        return await LinesAsync(pending, ct);
    }

    /// <summary>A rep's targets for the period with their logs; null when the viewer may not see the rep's targets.</summary>
    public async Task<(string Name, List<RepTargetCard> Cards)?> RepAsync(AccessScope scope, string repId, TargetPeriod period, CancellationToken ct)
    {
        if (!scope.CanSee(repId)) return null;
        var name = await db.UsersInRole(Roles.Rep).Where(u => u.Id == repId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var visible = await access.VisibleAsync(scope, ct);
        var rows = await visible.AsNoTracking().Where(t => t.Level == TargetLevels.Rep && t.OwnerId == repId && t.PeriodStart < period.End && t.PeriodStart >= period.Start.AddYears(-1))
            .ToListAsync(ct);
        rows = rows.Where(r => TargetPeriod.FromStored(r.PeriodKind, r.PeriodStart) is { } p && p.End > period.Start)
            .OrderBy(r => Engine.Evaluation.TargetMetrics.All.ToList().FindIndex(m => m.Key == r.Metric)).ThenBy(r => r.PeriodStart).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var changes = await db.TargetChanges.AsNoTracking().Where(c => ids.Contains(c.TargetId)).ToListAsync(ct);
        var proposals = await LinesAsync(await db.TargetProposals.AsNoTracking().Where(p => ids.Contains(p.TargetId)).ToListAsync(ct), ct);
        var names = await NamesAsync(changes.Select(c => c.ById), ct);
        var cards = rows.Select(r => new RepTargetCard(r, TargetPeriod.FromStored(r.PeriodKind, r.PeriodStart)!,
            changes.Where(c => c.TargetId == r.Id).OrderByDescending(c => c.At)
                .Select(c => new ChangeLine(c.At, names.GetValueOrDefault(c.ById, "—"), c.Action, c.OldValue, c.NewValue, c.Comment, c.EffectiveFrom, c.InForce)).ToList(),
            proposals.Where(p => p.TargetId == r.Id).OrderByDescending(p => p.At).ToList())).ToList();
        return (name, cards);
    }

    private async Task<List<ProposalLine>> LinesAsync(List<TargetProposalRecord> proposals, CancellationToken ct)
    {
        var targetIds = proposals.Select(p => p.TargetId).Distinct().ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => targetIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var names = await NamesAsync(proposals.SelectMany(p => new[] { p.ProposedById, p.DecidedById ?? "" }).Concat(targets.Values.Select(t => t.OwnerId)), ct);
        return proposals.Where(p => targets.ContainsKey(p.TargetId)).Select(p =>
        {
            var t = targets[p.TargetId];
            return new ProposalLine(p.Id, t.Id, t.OwnerId, names.GetValueOrDefault(t.OwnerId, "—"), t.Metric, TargetPeriod.FromStored(t.PeriodKind, t.PeriodStart)!,
                p.CurrentValue, p.ProposedValue, p.Comment, p.EffectiveFrom, p.ProposedAt, p.Status,
                p.DecidedById is null ? null : names.GetValueOrDefault(p.DecidedById, "—"), p.DecisionComment, p.DecidedAt);
        }).OrderBy(p => p.At).ToList();
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i.Length > 0).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
