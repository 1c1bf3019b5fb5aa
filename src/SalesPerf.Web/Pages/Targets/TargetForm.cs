using System.Globalization;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Pages.Targets;

/// <summary>Reading the targets forms (numbers with or without thousands separators, yyyy-MM-dd dates) and naming things on the pages.</summary>
public static class TargetForm
{
    /// <summary>Blank: (true, null); a number: (true, value); anything else: (false, null).</summary>
    public static (bool Ok, decimal? Value) Number(string? text)
    {
        var t = (text ?? "").Replace(",", "").Replace(" ", "").Replace("，", "").Trim();
        if (t.Length == 0) return (true, null);
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? (true, v) : (false, null);
    }

    public static (bool Ok, DateOnly? Value) Date(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return (true, null);
        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (true, d) : (false, null);
    }

    public static string Value(decimal? v) => v is null ? "" : v.Value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Plain(decimal? v) => v is null ? "" : v.Value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Status(Loc l, string status) => status switch
    {
        TargetStatuses.Draft => l["Draft"],
        TargetStatuses.Proposed => l["Change proposed"],
        TargetStatuses.Approved => l["Approved"],
        TargetStatuses.Rejected => l["Proposal rejected"],
        "" => l["Not set"],
        _ => status,
    };

    public static string Action(Loc l, string action) => action switch
    {
        TargetActions.Set => l["Set"],
        TargetActions.SplitEvenly => l["Split evenly"],
        TargetActions.SplitByWeight => l["Split by weight"],
        TargetActions.Approve => l["Approved and locked"],
        TargetActions.Propose => l["Change proposed"],
        TargetActions.ApproveProposal => l["Proposal approved"],
        TargetActions.RejectProposal => l["Proposal rejected"],
        TargetActions.Edit => l["Changed with a reason"],
        _ => action,
    };

    public static string Metric(Loc l, string key) => Engine.Evaluation.TargetMetrics.Find(key) is { } m ? l.Pick(m.Name) : key;

    /// <summary>The periods offered in the period picker: this year's and last year's quarters and months around today, the years.</summary>
    public static IReadOnlyList<TargetPeriod> Choices(DateOnly today)
    {
        var list = new List<TargetPeriod>();
        var q = TargetPeriod.Containing(today, TargetPeriodKinds.Quarter);
        for (var i = -4; i <= 1; i++) list.Add(new(TargetPeriodKinds.Quarter, q.Start.AddMonths(3 * i)));
        var m = TargetPeriod.Containing(today, TargetPeriodKinds.Month);
        for (var i = -6; i <= 1; i++) list.Add(new(TargetPeriodKinds.Month, m.Start.AddMonths(i)));
        var y = TargetPeriod.Containing(today, TargetPeriodKinds.Year);
        list.Add(y.Previous()); list.Add(y); list.Add(y.Next());
        return list;
    }
}
