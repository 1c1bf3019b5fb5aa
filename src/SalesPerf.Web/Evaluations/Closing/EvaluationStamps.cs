using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Web.Evaluations.Closing;

/// <summary>Puts an <see cref="EvaluationStamp"/> on a team evaluation and each of its reps (a team pack prints each rep's report).</summary>
public static class EvaluationStamps
{
    public static TeamEvaluation Stamped(this TeamEvaluation team, EvaluationStamp stamp) =>
        team with { Stamp = stamp, Reps = team.Reps.Select(r => r with { Stamp = stamp }).ToList() };

    /// <summary>The instant in the company's time zone, so the reports print the local time of generation.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
