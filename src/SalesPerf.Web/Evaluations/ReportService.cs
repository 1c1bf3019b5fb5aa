using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Membership;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Evaluations;

/// <summary>An evaluation the caller asked for, or why they cannot have it.</summary>
public sealed record ReportOutcome<T>(T? Value, ReportDecision Decision) where T : class;

/// <summary>Access-checked evaluations for the portal, the API and the monthly mail.</summary>
public sealed class ReportService(EvaluationLoader loader, SalesPerfDbContext db)
{
    /// <summary>
    /// A rep's evaluation for the period, in the team the rep was in then. A manager reads it when the rep was in one of
    /// their teams for at least one day of the period (so the old manager keeps last month after a move, the new one does
    /// not get the months before it).
    /// </summary>
    public async Task<ReportOutcome<RepEvaluation>> RepAsync(AccessScope scope, string repId, EvaluationPeriod period, string language, CancellationToken ct = default)
    {
        var managedThen = scope.IsManager && repId != scope.UserId && await db.ManagedDuringAsync(scope.UserId, repId, period, ct);
        if (ReportAccess.ForRep(scope, repId, managedThen) != ReportDecision.Allowed) return new(null, ReportDecision.NotFound);
        if (await loader.TeamOfRepAsync(repId, period, ct) is not { } team) return new(null, ReportDecision.NotFound);
        var evaluation = await loader.EvaluateAsync(team, period, language, ct);
        return new(evaluation.Reps.Single(r => r.RepId == repId), ReportDecision.Allowed);
    }

    public async Task<ReportOutcome<TeamEvaluation>> TeamAsync(AccessScope scope, Guid teamId, EvaluationPeriod period, string language, CancellationToken ct = default)
    {
        if (await loader.TeamAsync(teamId, period, ct) is not { } team) return new(null, ReportDecision.NotFound);
        var decision = ReportAccess.ForTeam(scope, team);
        return decision != ReportDecision.Allowed ? new(null, decision) : new(await loader.EvaluateAsync(team, period, language, ct), decision);
    }

    /// <summary>"zh-CN" or "en": the asked-for language, else the user's own.</summary>
    public static string Language(string? asked, string? userCulture) =>
        (string.IsNullOrWhiteSpace(asked) ? userCulture : asked) is { } c && c.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    public static string RepFileName(RepEvaluation e) => $"evaluation-{Slug(e.RepName)}-{ReportPeriod.FileStamp(e.Period)}.pdf";
    public static string TeamFileName(TeamEvaluation e) => $"team-pack-{Slug(e.TeamName)}-{ReportPeriod.FileStamp(e.Period)}.pdf";

    private static string Slug(string s)
    {
        var chars = s.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray();
        return chars.Length == 0 ? "report" : new string(chars);
    }
}
