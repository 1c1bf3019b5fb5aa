namespace SalesPerf.Web.Dashboards;

/// <summary>
/// What the viewer asked to see (query string). Team and rep are only wishes: <see cref="DashboardQuery"/> checks them
/// against the viewer's access and refuses anything outside it.
/// </summary>
public sealed record DashboardFilter(string? CustomerType = null, string? Stage = null, int Months = 6, Guid? TeamId = null, string? RepId = null)
{
    public static readonly int[] PeriodChoices = [1, 3, 6, 12];

    public DashboardFilter Normalized() => this with
    {
        CustomerType = string.IsNullOrWhiteSpace(CustomerType) ? null : CustomerType.Trim(),
        Stage = string.IsNullOrWhiteSpace(Stage) ? null : Stage.Trim(),
        Months = PeriodChoices.Contains(Months) ? Months : 6,
        RepId = string.IsNullOrWhiteSpace(RepId) ? null : RepId.Trim(),
    };
}
