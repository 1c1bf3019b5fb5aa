using System.Globalization;
using Microsoft.Extensions.Options;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Notifications;

/// <summary>The placeholder values every deal mail shares, in the recipient's language and time zone.</summary>
public sealed class DealMailContext(CalendarProvider calendars, IOptions<MailOptions> options)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public Dictionary<string, string> Values(DealState deal, Stage stage, AppUser recipient, string repName, DateTimeOffset due) => new()
    {
        ["recipient"] = recipient.DisplayName,
        ["rep"] = repName,
        ["deal"] = deal.Title,
        ["customer"] = deal.Customer,
        ["stage"] = stage.Name.For(recipient.Culture),
        ["due"] = Local(due, recipient),
        ["link"] = $"{BaseUrl}/Deals/{deal.Id}",
    };

    public string Local(DateTimeOffset at, AppUser recipient)
    {
        var zone = UserTimeZones.For(recipient, calendars.Zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var zh = MailTemplates.CultureOf(recipient.Culture) == "zh-CN";
        var text = local.ToString(zh ? "yyyy年M月d日 HH:mm" : "ddd d MMM yyyy, HH:mm", zh ? CultureInfo.GetCultureInfo("zh-CN") : CultureInfo.GetCultureInfo("en-GB"));
        var offset = zone.GetUtcOffset(at);
        return $"{text} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }
}
