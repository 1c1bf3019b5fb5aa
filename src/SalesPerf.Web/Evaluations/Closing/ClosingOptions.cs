namespace SalesPerf.Web.Evaluations.Closing;

/// <summary>The "SalesPerf:Closing" configuration section: the schedule that closes each month.</summary>
public sealed class ClosingOptions
{
    public const string Section = "SalesPerf:Closing";

    /// <summary>Close each month automatically this many days after it ended (company time zone); HR may close earlier.</summary>
    public int AutoCloseAfterDays { get; set; } = 5;
    public bool AutoCloseEnabled { get; set; } = true;
}
