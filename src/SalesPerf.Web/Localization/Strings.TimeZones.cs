namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> TimeZones() =>
    [
        ("Time zone for mails", "邮件时区"), ("Company time zone ({0})", "公司时区（{0}）"),
        ("Choose a time zone from the list.", "请从列表中选择时区。"),
        ("Due times in this person's mails are shown in this time zone.", "此人收到的邮件中的到期时间按该时区显示。"),
    ];
}
