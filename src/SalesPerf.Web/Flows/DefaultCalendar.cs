using SalesPerf.Web.Persistence.Records;

namespace SalesPerf.Web.Flows;

/// <summary>
/// Mainland China's 2026 public holidays and make-up working days (调休), seeded into an empty calendar.
/// Admins keep the calendar current; this only gives a new install sensible business days.
/// </summary>
public static class DefaultCalendar
{
    public static IEnumerable<CalendarDayRecord> China2026()
    {
        static IEnumerable<CalendarDayRecord> Off(string name, int month, int first, int last) =>
            Enumerable.Range(first, last - first + 1).Select(d => new CalendarDayRecord { Date = new DateOnly(2026, month, d), Name = name });
        static CalendarDayRecord Work(string name, int month, int day) =>
            new() { Date = new DateOnly(2026, month, day), Name = name, IsWorkday = true };

        return Off("元旦 New Year", 1, 1, 3).Append(Work("元旦调休 New Year make-up day", 1, 4))
            .Concat(Off("春节 Spring Festival", 2, 15, 23)).Append(Work("春节调休 Spring Festival make-up day", 2, 14)).Append(Work("春节调休 Spring Festival make-up day", 2, 28))
            .Concat(Off("清明节 Qingming", 4, 4, 6))
            .Concat(Off("劳动节 Labour Day", 5, 1, 5)).Append(Work("劳动节调休 Labour Day make-up day", 5, 9))
            .Concat(Off("端午节 Dragon Boat Festival", 6, 19, 21))
            .Concat(Off("中秋节 Mid-Autumn Festival", 9, 25, 27))
            .Concat(Off("国庆节 National Day", 10, 1, 7)).Append(Work("国庆调休 National Day make-up day", 9, 20)).Append(Work("国庆调休 National Day make-up day", 10, 10));
    }
}
