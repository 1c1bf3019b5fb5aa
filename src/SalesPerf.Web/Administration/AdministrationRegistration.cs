using SalesPerf.Web.Administration.Import;

namespace SalesPerf.Web.Administration;

/// <summary>The admin pages' services: users and teams, the holiday calendar, customer types, imports.</summary>
public static class AdministrationRegistration
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserAdmin>();
        services.AddScoped<TeamAdmin>();
        services.AddScoped<CalendarAdmin>();
        services.AddScoped<CustomerTypeCatalog>();
        services.AddScoped<CustomerTypeAdmin>();
        services.AddSingleton<CustomerTypeNames>();
        services.AddScoped<DealImporter>();
        return services;
    }
}
