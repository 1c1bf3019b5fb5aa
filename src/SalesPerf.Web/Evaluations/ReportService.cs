using SalesPerf.Engine.Evaluation;
using SalesPerf.Web.Accounts;

namespace SalesPerf.Web.Evaluations;

/// <summary>An evaluation the caller asked for, or why they cannot have it.</summary>
public sealed record ReportOutcome<T>(T? Value, ReportDecision Decision) where T : class;

/// <summary>Access-checked evaluations for the portal, the API and the monthly mail.</summary>
public sealed class ReportService(EvaluationLoader loader)
{
    public async Task<ReportOutcome<RepEvaluation>> RepAsync(AccessScope scope, string repId, EvaluationPeriod period, string language, CancellationToken ct = default)
    {
        if (ReportAccess.ForRep(scope, repId) != ReportDecision.Allowed) return new(null, ReportDecision.NotFound);
        if (await loader.TeamOfRepAsync(repId, ct) is not { } team) return new(null, ReportDecision.NotFound);
        var evaluation = await loader.EvaluateAsync(team, period, language, ct);
        return new(evaluation.Reps.Single(r => r.RepId == repId), ReportDecision.Allowed);
    }

    public async Task<ReportOutcome<TeamEvaluation>> TeamAsync(AccessScope scope, Guid teamId, EvaluationPeriod period, string language, CancellationToken ct = default)
    {
        if (await loader.TeamAsync(teamId, ct) is not { } team) return new(null, ReportDecision.NotFound);
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
