using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace SalesPerf.Web.Localization;

/// <summary>zh-CN and English: chosen by the switch cookie, else by the browser's Accept-Language, else zh-CN.</summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddSingleton<Loc>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
