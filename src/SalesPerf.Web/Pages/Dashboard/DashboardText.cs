using System.Globalization;
using SalesPerf.Engine.Dashboards;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Pages.Dashboard;

/// <summary>How the dashboard's charts and tables write stage names, rates and figures.</summary>
public static class DashboardText
{
    /// <summary>The stage's name in the viewer's language, "Won deals" for the funnel's last step, else the key.</summary>
    public static string Stage(string key, StageName? name, Loc l) =>
        key == ProcessIndicators.WonStep ? l["Won deals"] : name is null ? key : l.Pick(name);

    /// <summary>A rate (0–1) as "87.5%", or "—" when there is none.</summary>
    public static string Percent(double? rate) => rate is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(double? value) => value is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) : "—";
}
