namespace SalesPerf.Engine.Flows;

/// <summary>One node of a stage flow: what the rep must deliver, by when, who approves, how it scores.</summary>
public sealed record Stage
{
    /// <summary>The activity id in the workflow definition (stable across edits in the designer).</summary>
    public required string ActivityId { get; init; }
    public required string Key { get; init; }
    public required LocalizedText Name { get; init; }
    public LocalizedText Guidance { get; init; } = new("", "");
    public IReadOnlyList<CompletionField> Criteria { get; init; } = [];
    public required FlowDuration Deadline { get; init; }
    public ReminderSchedule Reminders { get; init; } = ReminderSchedule.None;
    public ApprovalRule Approval { get; init; } = ApprovalRule.RepManager;
    public ScoringRule Scoring { get; init; } = ScoringRule.Default;
    /// <summary>
    /// Percent chance that a deal in this stage is won (0–100), for the weighted pipeline; null when the flow does not
    /// say (then <see cref="StageFlow.WinProbabilityOf"/> derives it from the stage's position).
    /// </summary>
    public decimal? WinProbability { get; init; }
    /// <summary>Key of the stage that follows approval, or null when approval wins the deal.</summary>
    public string? NextStageKey { get; init; }
    /// <summary>Stages a manager may send the deal back to (besides this one, for a resubmission).</summary>
    public IReadOnlyList<string> SendBackTargets { get; init; } = [];

    public bool WinsOnApproval => NextStageKey is null;
    public CompletionField? Field(string key) => Criteria.FirstOrDefault(f => f.Key == key);
}

/// <summary>A compiled, validated, immutable stage flow: one published version of a workflow definition.</summary>
public sealed class StageFlow
{
    private readonly Dictionary<string, Stage> _byKey;

    public StageFlow(string definitionId, int version, LocalizedText name, IReadOnlyList<Stage> stages, string firstStageKey)
    {
        DefinitionId = definitionId;
        Version = version;
        Name = name;
        Stages = stages;
        FirstStageKey = firstStageKey;
        _byKey = stages.ToDictionary(s => s.Key, StringComparer.Ordinal);
    }

    public string DefinitionId { get; }
    public int Version { get; }
    public LocalizedText Name { get; }
    /// <summary>Stages in the order of the approval path from the first stage, then any others.</summary>
    public IReadOnlyList<Stage> Stages { get; }
    public string FirstStageKey { get; }
    public Stage FirstStage => _byKey[FirstStageKey];

    public Stage? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var s) ? s : null;
    public Stage this[string key] => _byKey[key];
    public int IndexOf(string key) => Stages.ToList().FindIndex(s => s.Key == key);

    /// <summary>
    /// The stage's win probability in percent: as set in the designer, else by its place on the approval path
    /// (stage i of n: 100 × i / n, so the first stage counts 0 and the last less than 100).
    /// </summary>
    public decimal WinProbabilityOf(string key)
    {
        if (Find(key) is not { } stage) return 0;
        if (stage.WinProbability is { } p) return p;
        var index = IndexOf(key);
        return Math.Round(100m * Math.Max(0, index) / Stages.Count, 1);
    }
}
