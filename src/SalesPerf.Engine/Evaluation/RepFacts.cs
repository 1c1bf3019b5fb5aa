using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Engine.Evaluation;

/// <summary>How a raw figure becomes a 0–100 score.</summary>
internal enum Normalisation
{
    /// <summary>Relative to the team's best in the period (best = 100); for counts and amounts.</summary>
    TeamBest,
    /// <summary>The rule already gave a 0–100 score (rates, averages of ratings, targets).</summary>
    Absolute,
}

/// <summary>An indicator's raw figure for one rep, before the team is known.</summary>
internal sealed record RawIndicator(
    string Key,
    decimal Value,
    string Display,
    bool Scored,
    Normalisation Normalisation,
    decimal AbsoluteScore,
    string How);

/// <summary>The time window of a period: local dates [Start, End) in the company's zone as instants.</summary>
internal readonly record struct Window(DateTimeOffset From, DateTimeOffset To, int Days)
{
    /// <summary>Until when due times can be judged: the period's end, or the report's time if that is earlier.</summary>
    public DateTimeOffset JudgedUntil { get; init; } = To;

    public static Window Of(EvaluationPeriod p, TimeZoneInfo zone) =>
        new(ZonedTime.StartOfDay(p.Start, zone), ZonedTime.StartOfDay(p.End, zone), p.End.DayNumber - p.Start.DayNumber);

    public bool Contains(DateTimeOffset t) => t >= From && t < To;
}

/// <summary>Words in the report's language.</summary>
internal sealed class Words(string language)
{
    public bool Zh { get; } = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    public string Language => Zh ? "zh-CN" : "en";
    public string this[string zh, string en] => Zh ? zh : en;
    public string Pick(LocalizedText text) => text.For(Language);
    public string Pct(int part, int whole) => whole == 0 ? "—" : Inv.S($"{part} / {whole}, {Inv.R(100m * part / whole, 1):0.#}%");
}
