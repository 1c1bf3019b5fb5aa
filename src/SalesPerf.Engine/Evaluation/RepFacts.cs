using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Engine.Evaluation;

/// <summary>An indicator's figure for one rep: its 0–100 score (when scored) and the words that say how it was counted.</summary>
internal sealed record RawIndicator(string Key, decimal Value, string Display, bool Scored, decimal Score, string How);

/// <summary>The time window of a period: local dates [Start, End) in the company's zone as instants.</summary>
internal readonly record struct Window(DateTimeOffset From, DateTimeOffset To, int Days)
{
    /// <summary>Until when due times can be judged: the period's end, or the report's time if that is earlier.</summary>
    public DateTimeOffset JudgedUntil { get; init; } = To;

    /// <summary>The whole period's length in days (a rep present for part of it is judged on <see cref="Days"/>).</summary>
    public int PeriodDays { get; init; } = Days;

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Closed periods as instants [From, To) with the time each was closed.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To, DateTimeOffset ClosedAt, EvaluationPeriod Period)> Closed { get; init; } = [];

    /// <summary>The closed period a fact dated <paramref name="at"/> belongs to but was recorded after it closed, if any.</summary>
    public EvaluationPeriod? ClosedBefore(DateTimeOffset at, DateTimeOffset recordedAt) =>
        Closed.FirstOrDefault(c => at >= c.From && at < c.To && recordedAt > c.ClosedAt) is { Period: { } p } ? p : null;

    /// <summary>
    /// Whether a dated fact counts in this window: by its date, unless it was recorded after its period closed — then in
    /// the window it was recorded in, as an adjustment.
    /// </summary>
    public bool Counts(DateTimeOffset at, DateTimeOffset recordedAt) =>
        ClosedBefore(at, recordedAt) is null ? Contains(at) : Contains(recordedAt);

    public static Window Of(EvaluationPeriod p, TimeZoneInfo zone) =>
        new(ZonedTime.StartOfDay(p.Start, zone), ZonedTime.StartOfDay(p.End, zone), p.End.DayNumber - p.Start.DayNumber) { Zone = zone };

    /// <summary>The part of this window a rep was present for.</summary>
    public Window Within(EvaluationPeriod presence)
    {
        var part = Of(presence, Zone);
        var from = part.From > From ? part.From : From;
        var to = part.To < To ? part.To : To;
        if (to < from) to = from;
        return this with { From = from, To = to, Days = Math.Max(0, (int)Math.Round((to - from).TotalDays)), JudgedUntil = JudgedUntil < to ? JudgedUntil : to };
    }

    public bool Contains(DateTimeOffset t) => t >= From && t < To;

    /// <summary>An instant as the company's local time, to the minute.</summary>
    public string Local(DateTimeOffset? t) => t is null ? "—" : TimeZoneInfo.ConvertTime(t.Value, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Words in the report's language.</summary>
internal sealed class Words(string language)
{
    public bool Zh { get; } = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    public string Language => Zh ? "zh-CN" : "en";
    public string this[string zh, string en] => Zh ? zh : en;
    public string Pick(LocalizedText text) => text.For(Language);
    public string Pct(int part, int whole) => whole == 0 ? "—" : Inv.S($"{part} / {whole}, {Inv.R(100m * part / whole, 1):0.#}%");

    public string Attribution(Flows.DelayAttribution a) => a switch
    {
        Flows.DelayAttribution.Customer => this["客户原因", "Customer"],
        Flows.DelayAttribution.Other => this["其他原因", "Other"],
        _ => this["销售原因", "Rep"],
    };
}
