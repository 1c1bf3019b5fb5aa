using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Evaluations.Closing;

/// <summary>Reads closed periods, their versions and their stored snapshots.</summary>
public sealed class ClosedPeriodStore(SalesPerfDbContext db)
{
    /// <summary>
    /// Every period whose current version is closed, with the instant it was closed: facts dated inside such a period
    /// that arrive after that instant are adjustments of the next open period.
    /// </summary>
    public async Task<IReadOnlyList<(EvaluationPeriod Period, DateTimeOffset ClosedAt)>> ClosedPeriodsAsync(CancellationToken ct = default)
    {
        var rows = await db.ClosedPeriods.AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => (r.Start, r.End)).Select(g => g.MaxBy(r => r.Version)!).Where(r => r.ReopenedAt is null)
            .OrderBy(r => r.Start).ThenBy(r => r.End).Select(r => (new EvaluationPeriod(r.Start, r.End), r.ClosedAt)).ToList();
    }

    /// <summary>The period's latest version (closed, or reopened and not closed again), or null when it was never closed.</summary>
    public Task<ClosedPeriodRecord?> CurrentAsync(EvaluationPeriod period, CancellationToken ct = default) =>
        db.ClosedPeriods.AsNoTracking().Where(r => r.Start == period.Start && r.End == period.End).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>The closed version to serve when nobody asked for a version: the latest, if it is not reopened.</summary>
    public async Task<ClosedPeriodRecord?> ClosedNowAsync(EvaluationPeriod period, CancellationToken ct = default) =>
        await CurrentAsync(period, ct) is { ReopenedAt: null } current ? current : null;

    public Task<ClosedPeriodRecord?> VersionAsync(EvaluationPeriod period, int version, CancellationToken ct = default) =>
        db.ClosedPeriods.AsNoTracking().SingleOrDefaultAsync(r => r.Start == period.Start && r.End == period.End && r.Version == version, ct);

    /// <summary>Every version of one period, newest first.</summary>
    public async Task<IReadOnlyList<ClosedPeriodRecord>> VersionsAsync(EvaluationPeriod period, CancellationToken ct = default) =>
        await db.ClosedPeriods.AsNoTracking().Where(r => r.Start == period.Start && r.End == period.End).OrderByDescending(r => r.Version).ToListAsync(ct);

    /// <summary>Every version of every closed period, newest period first (HR's list).</summary>
    public async Task<IReadOnlyList<ClosedPeriodRecord>> AllAsync(CancellationToken ct = default) =>
        (await db.ClosedPeriods.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.Start).ThenBy(r => r.End).ThenByDescending(r => r.Version).ToList();

    public Task<bool> EverClosedAsync(EvaluationPeriod period, CancellationToken ct = default) =>
        db.ClosedPeriods.AnyAsync(r => r.Start == period.Start && r.End == period.End, ct);

    /// <summary>The stored evaluation of "team:{id}" or "rep:{id}" in a closed version, or null when that subject was not stored.</summary>
    public async Task<TeamEvaluation?> SnapshotAsync(Guid closedPeriodId, string subject, string language, CancellationToken ct = default)
    {
        var json = await db.ClosedPeriodSnapshots.AsNoTracking()
            .Where(s => s.ClosedPeriodId == closedPeriodId && s.Subject == subject && s.Language == language).Select(s => s.Json).SingleOrDefaultAsync(ct);
        return json is null ? null : SnapshotJson.Deserialize(json);
    }

    /// <summary>The snapshot holding a rep's evaluation in a closed version (their team at close time), or null.</summary>
    public Task<string?> SubjectOfRepAsync(Guid closedPeriodId, string repId, CancellationToken ct = default) =>
        db.ClosedPeriodReps.AsNoTracking().Where(r => r.ClosedPeriodId == closedPeriodId && r.RepId == repId).Select(r => r.Subject).SingleOrDefaultAsync(ct);

    public static string TeamSubject(Guid teamId) => $"team:{teamId}";
    public static string RepSubject(string repId) => $"rep:{repId}";
}
