using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Reports.Sections;

/// <summary>The figures the cover and the team ranking print for a rep, defined once.</summary>
internal static class KeyFigures
{
    /// <summary>Every point that enters the total through "process deductions" (late days, send-backs, managers' decisions and corrections).</summary>
    public static decimal Deducted(RepEvaluation rep) => Math.Max(0, -rep.Deductions.Sum(d => d.Points));

    /// <summary>Late stages that count against the rep (a customer wait the manager confirmed does not).</summary>
    public static int RepCausedDelays(RepEvaluation rep) => rep.Delays.Count(d => d.CountsAgainstRep);
}
