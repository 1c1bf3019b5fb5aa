namespace SalesPerf.Web.Evaluations;

/// <summary>The "SalesPerf:Reports" configuration section.</summary>
public sealed class ReportOptions
{
    public const string Section = "SalesPerf:Reports";

    /// <summary>A .ttf/.ttc font with Chinese characters; empty: WQY MicroHei or another CJK font found on the system.</summary>
    public string? FontPath { get; set; }
    /// <summary>The monthly team pack mailed to each manager: day of the month and local time (company time zone).</summary>
    public int MonthlyPackDay { get; set; } = 1;
    public TimeSpan MonthlyPackTime { get; set; } = TimeSpan.FromHours(8);
    public bool MonthlyPackEnabled { get; set; } = true;
    /// <summary>How long the download link in the monthly mail works.</summary>
    public TimeSpan PackLinkLifetime { get; set; } = TimeSpan.FromDays(45);
}
