using SalesPerf.Engine.Calendar;
using SalesPerf.Engine.Flows;

namespace SalesPerf.Engine.Scheduling;

public enum DueKind { Deadline, Reminder, OverdueReminder, Escalation }

/// <summary>One thing that becomes due at an absolute instant; <see cref="Key"/> is stable for de-duplication.</summary>
public sealed record DueItem(DueKind Kind, string Key, DateTimeOffset DueAt);

/// <summary>
/// The absolute due times of one stage run, fixed when the stage starts (so a later change of the flow or
/// of the calendar never moves a deadline the rep was already given).
/// </summary>
public sealed record StageSchedule(DateTimeOffset StartedAt, DateTimeOffset DueAt, IReadOnlyList<DueItem> Items)
{
    public static StageSchedule For(Stage stage, DateTimeOffset startedAt, BusinessCalendar calendar)
    {
        var due = calendar.Add(startedAt, stage.Deadline);
        var items = new List<DueItem> { new(DueKind.Deadline, "deadline", due) };
        foreach (var offset in stage.Reminders.Offsets)
        {
            var at = calendar.Add(due, offset);
            if (at > startedAt) items.Add(new(DueKind.Reminder, $"reminder:{offset}", at));
        }
        if (stage.Reminders.RepeatWhileOverdue is { } every)
        {
            // Only the first repetition is stored; the next one is scheduled when it fires (NextOverdueRepeat).
            var first = calendar.Add(due, every);
            if (items.All(i => i.DueAt != first)) items.Add(OverdueRepeat(1, first));
        }
        if (stage.Reminders.EscalateAfterOverdue is { } after)
            items.Add(new(DueKind.Escalation, "escalation", calendar.Add(due, after)));
        items.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
        return new StageSchedule(startedAt, due, items);
    }

    private const string OverduePrefix = "overdue:";

    private static DueItem OverdueRepeat(int n, DateTimeOffset at) => new(DueKind.OverdueReminder, OverduePrefix + n, at);

    /// <summary>
    /// While a stage stays late its overdue reminder repeats: after "overdue:n" has fired comes "overdue:n+1", one
    /// interval later, skipping occurrences already in the past, so a sweeper back from downtime sends one, not a backlog.
    /// When a reminder stood at the first repetition's time (<see cref="For"/> then leaves "overdue:1" out), that
    /// reminder starts the chain. Null when the stage does not repeat or nothing fired is a repetition or stands in for one.
    /// </summary>
    public static DueItem? NextOverdueRepeat(Stage stage, DateTimeOffset stageDueAt, IReadOnlyCollection<DueItem> fired, BusinessCalendar calendar,
        DateTimeOffset now)
    {
        if (stage.Reminders.RepeatWhileOverdue is not { } every) return null;
        var first = calendar.Add(stageDueAt, every);
        var last = fired.Where(i => i.Kind == DueKind.OverdueReminder).MaxBy(i => i.DueAt)
                   ?? (fired.Any(i => i.DueAt == first) ? OverdueRepeat(1, first) : null);
        if (last is null || !int.TryParse(last.Key.AsSpan(OverduePrefix.Length), out var n)) return null;
        var at = calendar.Add(last.DueAt, every);
        for (n++; at <= now; n++) at = calendar.Add(at, every);
        return OverdueRepeat(n, at);
    }

    /// <summary>The same schedule moved later, e.g. by the time a deal spent on hold.</summary>
    public StageSchedule ShiftedBy(TimeSpan delay) =>
        this with { DueAt = DueAt + delay, Items = Items.Select(i => i with { DueAt = i.DueAt + delay }).ToList() };
}
