using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scheduling;

namespace SalesPerf.Engine.Flows.Migration;

/// <summary>An admin moves a running deal to a newer version of its flow.</summary>
/// <param name="StageMap">for stages that no longer exist: old stage key → stage key in the target version</param>
public sealed record MigrateDeal(StageFlow Target, IReadOnlyDictionary<string, string> StageMap) : DealCommand;

/// <summary>
/// The deal now runs on <paramref name="ToVersion"/>. Only its current stage run changes: it keeps its key (with due times
/// recomputed from the new stage's rules) or is replaced by a fresh run of the mapped stage. History is never touched,
/// so completed stages and their points stay as they were.
/// </summary>
public sealed record DealMigrated(int FromVersion, int ToVersion, string FromStageKey, string ToStageKey, int Run,
    StageSchedule Schedule, IReadOnlyList<string> FiredKept) : DealEvent;

/// <summary>What migrating one deal would do, shown to the admin before anything changes.</summary>
public sealed record DealMigrationPlan
{
    public required Guid DealId { get; init; }
    public required int FromVersion { get; init; }
    public required int ToVersion { get; init; }
    public required string FromStageKey { get; init; }
    /// <summary>The stage the deal will be in, or null when the admin still has to choose one.</summary>
    public string? ToStageKey { get; init; }
    public required DateTimeOffset DueBefore { get; init; }
    public DateTimeOffset? DueAfter { get; init; }
    public bool DeadlineChanges => DueAfter is { } after && after != DueBefore;
    public bool OverdueAfter { get; init; }
    /// <summary>Stages this deal has completed (approved): kept as they are, never run again by the migration.</summary>
    public IReadOnlyList<string> CompletedStages { get; init; } = [];
    public IReadOnlyList<string> Blockers { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public bool CanMigrate => Blockers.Count == 0 && ToStageKey is not null && Schedule is not null;

    internal StageSchedule? Schedule { get; init; }
    internal int Run { get; init; }
    internal IReadOnlyList<string> FiredKept { get; init; } = [];

    public DealMigrated ToEvent(DateTimeOffset at, string actorId) => CanMigrate
        ? new DealMigrated(FromVersion, ToVersion, FromStageKey, ToStageKey!, Run, Schedule!, FiredKept) { At = at, ActorId = actorId }
        : throw new InvalidOperationException($"Deal {DealId} cannot be migrated: {string.Join("; ", Blockers)}");
}
