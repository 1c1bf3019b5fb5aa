using System.Globalization;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Web.Localization;

/// <summary>
/// The portal's text in the request's UI culture (zh-CN or English). Keys are the English text; the Chinese is
/// looked up in <see cref="Strings"/>. Also formats times in the company's time zone.
/// </summary>
public sealed class Loc(CalendarProvider calendars)
{
    public static bool IsZh => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public string this[string en] => IsZh && Strings.Zh.TryGetValue(en, out var zh) ? zh : en;

    public string this[string en, params object?[] args] => string.Format(CultureInfo.CurrentCulture, this[en], args);

    public string Pick(StageName? name) => name is null ? "" : IsZh ? Or(name.Zh, name.En) : Or(name.En, name.Zh);

    public string Pick(LocalizedText? text) => text is null ? "" : IsZh ? Or(text.Zh, text.En) : Or(text.En, text.Zh);

    public DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, calendars.Zone);

    /// <summary>A local date and time typed into a form (company time zone) as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local) => ZonedTime.Instant(local, calendars.Zone);

    public string Time(DateTimeOffset? t) => t is null ? "—" : Local(t.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Day(DateTimeOffset? t) => t is null ? "—" : Local(t.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Money(decimal? d) => d?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    private static string Or(string a, string b) => a.Length > 0 ? a : b;
}
