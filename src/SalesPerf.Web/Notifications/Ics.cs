using System.Text;

namespace SalesPerf.Web.Notifications;

/// <summary>An iCalendar (RFC 5545) file with one event at a stage's deadline, so reps can put it in their calendar.</summary>
public static class Ics
{
    public static string Deadline(string uid, string summary, string description, DateTimeOffset due, DateTimeOffset stamp)
    {
        static string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        static string Escape(string s) => s.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n");
        return new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SalesPerf//Deadlines//EN\r\nMETHOD:PUBLISH\r\n")
            .Append("BEGIN:VEVENT\r\n")
            .Append($"UID:{uid}@salesperf\r\nDTSTAMP:{T(stamp)}\r\nDTSTART:{T(due.AddMinutes(-30))}\r\nDTEND:{T(due)}\r\n")
            .Append($"SUMMARY:{Escape(summary)}\r\nDESCRIPTION:{Escape(description)}\r\n")
            .Append("BEGIN:VALARM\r\nTRIGGER:-PT1H\r\nACTION:DISPLAY\r\nDESCRIPTION:")
            .Append(Escape(summary)).Append("\r\nEND:VALARM\r\n")
            .Append("END:VEVENT\r\nEND:VCALENDAR\r\n")
            .ToString();
    }
}
