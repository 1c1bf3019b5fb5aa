using System.Globalization;

namespace SalesPerf.Web.Administration.Import;

/// <summary>Cell text as numbers, dates and times the way CRM exports write them (2026-03-02, 2026/3/2 14:30, Excel serial numbers).</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
    private static readonly string[] TimeFormats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-M-dTH:mm", "yyyy-M-dTH:mm:ss", "yyyy.M.d H:mm",
        "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日 H时mm分",
    ];

    public static bool TryMoney(string text, out decimal value)
    {
        var t = text.Replace(",", "").Replace("，", "").Replace("¥", "").Replace("￥", "").Replace("元", "").Replace(" ", "").Trim();
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryDate(string text, out DateOnly date)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (TryTime(t, out var local)) { date = DateOnly.FromDateTime(local); return true; }
        return false;
    }

    /// <summary>A local date and time; a date alone means noon, an Excel serial number counts days from 1899-12-30.</summary>
    public static bool TryTime(string text, out DateTime local)
    {
        var t = text.Trim();
        if (DateTime.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local)) return true;
        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            local = day.ToDateTime(new TimeOnly(12, 0));
            return true;
        }
        if (double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            local = DateTime.FromOADate(serial);
            if (local.TimeOfDay == TimeSpan.Zero) local = local.AddHours(12);
            return true;
        }
        return false;
    }
}
