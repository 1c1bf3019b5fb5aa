using SalesPerf.Engine.Flows.Migration;

namespace SalesPerf.Engine.Deals;

public sealed partial record DealState
{
    /// <summary>Same stage: new due times, same run (a waiting submission stays waiting). Other stage: a fresh run.</summary>
    private DealState ApplyMigration(DealMigrated m)
    {
        var run = Current!;
        if (m.ToStageKey == run.StageKey)
            return this with { FlowVersion = m.ToVersion, Current = run with { Schedule = m.Schedule, Fired = [.. m.FiredKept] } };
        return this with
        {
            FlowVersion = m.ToVersion,
            History = History.Add(run with { Pending = null }),
            Current = new StageRun(m.ToStageKey, m.Run, m.Schedule),
        };
    }
}
