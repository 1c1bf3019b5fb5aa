using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Membership;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Evaluations;

/// <summary>An evaluation the caller asked for, or why they cannot have it.</summary>
public sealed record ReportOutcome<T>(T? Value, ReportDecision Decision) where T : class
{
    /// <summary>The closed version the evaluation was read from; null for a provisional (computed) evaluation.</summary>
    public ClosedPeriodRecord? ClosedVersion { get; init; }
}

/// <summary>
/// Access-checked evaluations for the portal, the API and the monthly mail. A period whose current version is closed is
/// served from its stored snapshot, never recomputed; any other period is computed now and stamped provisional
/// (version 0). HR and admins may ask for an older closed version explicitly. A rep's evaluation is the one of the team
/// the rep was in then; a manager reads it when the rep was in one of their teams for at least one day of the period.
/// </summary>
public sealed class ReportService(EvaluationLoader loader, ClosedPeriodStore closed, CalendarProvider calendars, TimeProvider clock, SalesPerfDbContext db)
{
    public async Task<ReportOutcome<RepEvaluation>> RepAsync(AccessScope scope, string repId, EvaluationPeriod period, string language,
        CancellationToken ct = default, int? version = null)
    {
        var managedThen = scope.IsManager && repId != scope.UserId && await db.ManagedDuringAsync(scope.UserId, repId, period, ct);
        if (ReportAccess.ForRep(scope, repId, managedThen) != ReportDecision.Allowed) return new(null, ReportDecision.NotFound);
        if (version is not null && !ReportAccess.ReadsAll(scope)) return new(null, ReportDecision.NotFound);
        var (record, missing) = await VersionToServeAsync(period, version, ct);
        if (missing) return new(null, ReportDecision.NotFound);
        if (record is not null && await closed.SubjectOfRepAsync(record.Id, repId, ct) is { } subject
            && await closed.SnapshotAsync(record.Id, subject, language, ct) is { } snapshot
            && snapshot.Reps.SingleOrDefault(r => r.RepId == repId) is { } stored)
            return new(stored, ReportDecision.Allowed) { ClosedVersion = record };
        if (version is not null) return new(null, ReportDecision.NotFound); // the rep was not in that version
        if (await loader.TeamOfRepAsync(repId, period, ct) is not { } team) return new(null, ReportDecision.NotFound);
        var evaluation = await ProvisionalAsync(team, period, language, ct);
        return new(evaluation.Reps.Single(r => r.RepId == repId), ReportDecision.Allowed);
    }

    public async Task<ReportOutcome<TeamEvaluation>> TeamAsync(AccessScope scope, Guid teamId, EvaluationPeriod period, string language,
        CancellationToken ct = default, int? version = null)
    {
        if (await loader.TeamAsync(teamId, period, ct) is not { } team) return new(null, ReportDecision.NotFound);
        var decision = ReportAccess.ForTeam(scope, team);
        if (decision != ReportDecision.Allowed) return new(null, decision);
        if (version is not null && !ReportAccess.ReadsAll(scope)) return new(null, ReportDecision.NotFound);
        return await TeamUncheckedAsync(team, period, language, version, ct);
    }

    /// <summary>A team's evaluation without an access check (the signed pack link is its own permission).</summary>
    public async Task<ReportOutcome<TeamEvaluation>> TeamUncheckedAsync(ReportTeam team, EvaluationPeriod period, string language, int? version = null,
        CancellationToken ct = default)
    {
        var (record, missing) = await VersionToServeAsync(period, version, ct);
        if (missing) return new(null, ReportDecision.NotFound);
        if (record is not null && team.Id is { } id && await closed.SnapshotAsync(record.Id, ClosedPeriodStore.TeamSubject(id), language, ct) is { } snapshot)
            return new(snapshot, ReportDecision.Allowed) { ClosedVersion = record };
        if (version is not null) return new(null, ReportDecision.NotFound); // the team did not exist in that version
        return new(await ProvisionalAsync(team, period, language, ct), ReportDecision.Allowed);
    }

    /// <summary>The closed version to read (an asked one, else the current one if it is closed); Missing when an asked version does not exist.</summary>
    private async Task<(ClosedPeriodRecord? Record, bool Missing)> VersionToServeAsync(EvaluationPeriod period, int? version, CancellationToken ct)
    {
        if (version is { } v) return await closed.VersionAsync(period, v, ct) is { } asked ? (asked, false) : (null, true);
        return (await closed.ClosedNowAsync(period, ct), false);
    }

    private async Task<TeamEvaluation> ProvisionalAsync(ReportTeam team, EvaluationPeriod period, string language, CancellationToken ct) =>
        (await loader.EvaluateAsync(team, period, language, ct)).Stamped(new EvaluationStamp(0, EvaluationStamps.Local(clock.GetUtcNow(), calendars.Zone), Closed: false));

    /// <summary>"zh-CN" or "en": the asked-for language, else the user's own.</summary>
    public static string Language(string? asked, string? userCulture) =>
        (string.IsNullOrWhiteSpace(asked) ? userCulture : asked) is { } c && c.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    public static string RepFileName(RepEvaluation e) => $"evaluation-{Slug(e.RepName)}-{ReportPeriod.FileStamp(e.Period)}{VersionSuffix(e.Stamp)}.pdf";
    public static string TeamFileName(TeamEvaluation e) => $"team-pack-{Slug(e.TeamName)}-{ReportPeriod.FileStamp(e.Period)}{VersionSuffix(e.Stamp)}.pdf";

    private static string VersionSuffix(EvaluationStamp? s) => s is { Closed: true } ? $"-v{s.Version}" : "";

    private static string Slug(string s)
    {
        var chars = s.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray();
        return chars.Length == 0 ? "report" : new string(chars);
    }
}
