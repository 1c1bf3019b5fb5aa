using System.Globalization;
using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Web.Evaluations;

/// <summary>A rep's line in the monthly pack mail: the total, or "not scored" (never a 0.0 that was not earned); a part-period rep says so.</summary>
public static class MonthlyPackLines
{
    public static string Line(RepEvaluation rep, bool zh)
    {
        var score = rep.Scored
            ? zh ? $"总分 {S(rep.TotalScore)}（团队平均 {S(rep.TeamAverageTotal)}）" : $"total {S(rep.TotalScore)} (team average {S(rep.TeamAverageTotal)})"
            : zh ? "不计分（本期没有考核要求）" : "not scored (nothing was expected in the period)";
        var part = rep.Presence is { } p
            ? zh ? $"，仅按 {D(p.Start)} 至 {D(p.End.AddDays(-1))} 在队期间评估" : $", judged on {D(p.Start)} – {D(p.End.AddDays(-1))} in the team only"
            : "";
        return zh ? $"{rep.RepName}：{score}{part}" : $"{rep.RepName}: {score}{part}";
    }

    private static string S(decimal v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
