using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Evaluations.Closing;

public enum ClosingStatus { Closed, Reopened, AlreadyClosed, NotClosed, NotOver, NotAPeriod, ReasonRequired }

/// <summary>What closing or reopening did; <see cref="Version"/> is the version closed or reopened (or the one already closed).</summary>
public sealed record ClosingResult(ClosingStatus Status, int Version = 0);

/// <summary>Who closes or reopens: a user, or the schedule ("system").</summary>
public sealed record ClosingActor(string Id, string Name)
{
    public static ClosingActor Schedule { get; } = new("system", "");
}

/// <summary>
/// Closes a month, quarter or year: every team's evaluation (and every rep's without a team) is computed as the reports
/// compute it, stamped with the new version, and stored in both languages in one transaction. Reopening (with a reason)
/// marks the current version reopened; it stays readable, and closing again stores the next version.
/// </summary>
public sealed class PeriodCloser(SalesPerfDbContext db, EvaluationLoader loader, ClosedPeriodStore store, CalendarProvider calendars, TimeProvider clock,
    ILogger<PeriodCloser> log)
{
    public static readonly string[] Languages = ["zh-CN", "en"];
    public const int MinReasonLength = 5;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendars.Zone).DateTime);

    public async Task<ClosingResult> CloseAsync(EvaluationPeriod period, ClosingActor by, CancellationToken ct = default)
    {
        if (PeriodKinds.Of(period) is not { } kind) return new(ClosingStatus.NotAPeriod);
        if (Today < period.End) return new(ClosingStatus.NotOver);
        var current = await store.CurrentAsync(period, ct);
        if (current is { ReopenedAt: null }) return new(ClosingStatus.AlreadyClosed, current.Version);

        var now = clock.GetUtcNow();
        var record = new ClosedPeriodRecord
        {
            Id = Guid.CreateVersion7(), Kind = kind, Start = period.Start, End = period.End, Version = (current?.Version ?? 0) + 1,
            ClosedAt = now, ClosedById = by.Id, ClosedByName = by.Name,
        };
        var stamp = new EvaluationStamp(record.Version, EvaluationStamps.Local(now, calendars.Zone), Closed: true, current?.ReopenReason);
        var snapshots = new List<ClosedPeriodSnapshotRecord>();
        var members = new List<ClosedPeriodRepRecord>();
        var subjects = await SubjectsAsync(period, ct);
        // Every subject's input is read once, in one pass for all of them, and evaluated in each language.
        var (inputs, settings) = await loader.InputsAsync(subjects.Select(s => s.Team).ToList(), period, ct);
        foreach (var ((subject, _), input) in subjects.Zip(inputs))
        {
            foreach (var language in Languages)
            {
                var evaluation = Evaluator.EvaluateTeam(input, period, language, settings).Stamped(stamp);
                snapshots.Add(new ClosedPeriodSnapshotRecord
                    { Id = Guid.CreateVersion7(), ClosedPeriodId = record.Id, Subject = subject, Language = language, Json = SnapshotJson.Serialize(evaluation) });
            }
        }
        // Each rep's own report is read from the team they were in for most of the period (a rep who moved is in two packs).
        foreach (var repId in subjects.SelectMany(s => s.Team.Reps).Select(r => r.Id).Distinct())
            if (await loader.TeamOfRepAsync(repId, period, ct) is { } own)
                members.Add(new ClosedPeriodRepRecord { ClosedPeriodId = record.Id, RepId = repId,
                    Subject = own.Id is { } teamId ? ClosedPeriodStore.TeamSubject(teamId) : ClosedPeriodStore.RepSubject(repId) });

        db.ClosedPeriods.Add(record);
        db.ClosedPeriodSnapshots.AddRange(snapshots);
        db.ClosedPeriodReps.AddRange(members);
        try
        {
            await db.SaveChangesAsync(ct); // one transaction: the version row, its snapshots and its rep index, or nothing
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node (or another HR click) closed the same version first; anything else is a real failure.
            if (await store.VersionAsync(period, record.Version, ct) is { } won) return new(ClosingStatus.AlreadyClosed, won.Version);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        log.LogInformation("Period {Start}–{End} closed as version {Version} by {By} ({Subjects} team snapshot(s))",
            period.Start, period.End, record.Version, by.Id, snapshots.Count / Languages.Length);
        return new(ClosingStatus.Closed, record.Version);
    }

    public async Task<ClosingResult> ReopenAsync(EvaluationPeriod period, ClosingActor by, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < MinReasonLength || reason.Length > 2000) return new(ClosingStatus.ReasonRequired);
        if (await store.ClosedNowAsync(period, ct) is not { } current) return new(ClosingStatus.NotClosed);
        var now = clock.GetUtcNow();
        var changed = await db.ClosedPeriods.Where(r => r.Id == current.Id && r.ReopenedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ReopenedAt, now).SetProperty(r => r.ReopenedById, by.Id).SetProperty(r => r.ReopenedByName, by.Name)
            .SetProperty(r => r.ReopenReason, reason), ct);
        if (changed == 0) return new(ClosingStatus.NotClosed);
        log.LogInformation("Period {Start}–{End} version {Version} reopened by {By}: {Reason}", period.Start, period.End, current.Version, by.Id, reason);
        return new(ClosingStatus.Reopened, current.Version);
    }

    /// <summary>Every team with the reps it had in the period, and every rep who was in no team then as a team of one.</summary>
    private async Task<List<(string Subject, ReportTeam Team)>> SubjectsAsync(EvaluationPeriod period, CancellationToken ct)
    {
        var subjects = new List<(string Subject, ReportTeam Team)>();
        foreach (var id in await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(ct))
            if (await loader.TeamAsync(id, period, ct) is { } team) subjects.Add((ClosedPeriodStore.TeamSubject(id), team));
        var inTeams = subjects.SelectMany(s => s.Team.Reps).Select(r => r.Id).ToHashSet();
        foreach (var repId in await loader.RepsQuery().OrderBy(u => u.DisplayName).Select(u => u.Id).ToListAsync(ct))
            if (!inTeams.Contains(repId) && await loader.TeamOfRepAsync(repId, period, ct) is { Id: null } alone)
                subjects.Add((ClosedPeriodStore.RepSubject(repId), alone));
        return subjects;
    }
}
