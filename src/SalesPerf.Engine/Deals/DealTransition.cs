using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Scheduling;
using SalesPerf.Engine.Scoring;

namespace SalesPerf.Engine.Deals;

/// <summary>The outcome of one accepted command: numbered events, the new state, score lines and the new due set.</summary>
public sealed record DealTransition(
    DealState? Before,
    DealState After,
    IReadOnlyList<(int Sequence, DealEvent Event)> Events,
    IReadOnlyList<ScoreEntry> ScoreEntries)
{
    /// <summary>Decides and, if accepted, applies: the one entry point hosts use to change a deal.</summary>
    public static (DealTransition? Transition, DealError? Error) Run(DealState? deal, DealCommand command, DealContext ctx)
    {
        var decision = DealDecider.Decide(deal, command, ctx);
        if (!decision.Succeeded) return (null, decision.Error);

        var state = deal;
        var numbered = new List<(int, DealEvent)>(decision.Events.Count);
        var score = new List<ScoreEntry>();
        foreach (var e in decision.Events)
        {
            var sequence = (state?.Version ?? 0) + 1;
            if (state is not null) score.AddRange(ScoreRules.For(state, e, sequence, ctx.Flow));
            numbered.Add((sequence, e));
            state = DealState.Apply(state, e);
        }
        return (new DealTransition(deal, state!, numbered, score), null);
    }

    /// <summary>
    /// Due items still to fire: those of the current stage run while it is open and the deal active (reminders stop
    /// once submitted, on hold or closed), minus those already fired.
    /// </summary>
    public static IReadOnlyList<DueItem> PendingDueItems(DealState deal) =>
        deal.Status == DealStatus.Active && deal.Current is { Status: StageRunStatus.Open } run
            ? run.Fired.IsEmpty ? run.Schedule.Items : run.Schedule.Items.Where(i => !run.Fired.Contains(i.Key)).ToList()
            : [];

    /// <summary>The earliest pending due item: what a sweeper looks for, stored on the deal's row and indexed.</summary>
    public static DueItem? NextDue(DealState deal) => PendingDueItems(deal) is { Count: > 0 } items ? items.MinBy(i => i.DueAt) : null;
}
