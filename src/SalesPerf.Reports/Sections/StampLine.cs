using System.Globalization;
using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Reports.Sections;

/// <summary>
/// Which computation a report is, as it prints on the cover and in every footer: "Version 2 · generated 2026-04-06 09:00
/// (UTC+08:00) · Closed" for a closed period's stored version, "Provisional · generated … · may still change" otherwise.
/// The time is the stamp's own (the host stamps it in the company's time zone).
/// </summary>
internal static class StampLine
{
    private sealed record Texts(Func<int, string> Version, string Generated, string Closed, string Provisional, string MayChange, Func<string, string> Zone,
        string ReopenedBecause);

    private static readonly Texts Zh = new(v => $"第 {v} 版", "生成于 ", "已结账", "临时结果", "仍可能变化", z => $"（{z}）", "重新结账原因");
    private static readonly Texts En = new(v => $"Version {v}", "generated ", "Closed", "Provisional", "may still change", z => $" ({z})", "Closed again because");

    public static string? Text(EvaluationStamp? stamp, Labels l)
    {
        if (stamp is null) return null;
        var t = l.IsZh ? Zh : En;
        var generated = t.Generated + stamp.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + t.Zone(Zone(stamp.GeneratedAt.Offset));
        return stamp.Closed ? $"{t.Version(stamp.Version)} · {generated} · {t.Closed}" : $"{t.Provisional} · {generated} · {t.MayChange}";
    }

    /// <summary>Why a closed period was closed again as this version (the reason it was reopened), or null.</summary>
    public static string? Reopened(EvaluationStamp? stamp, Labels l) =>
        stamp is { Closed: true, ReopenReason: { Length: > 0 } reason } ? l.Labelled(l.IsZh ? Zh.ReopenedBecause : En.ReopenedBecause, reason) : null;

    private static string Zone(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
}
