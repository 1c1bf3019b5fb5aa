namespace SalesPerf.Web.Targets;

/// <summary>Targets' services and their /api/targets endpoints, registered by the host with one line each.</summary>
public static class TargetsRegistration
{
    public static IServiceCollection AddTargets(this IServiceCollection services)
    {
        services.AddScoped<TargetAccess>();
        services.AddScoped<TargetChildren>();
        services.AddScoped<TargetService>();
        services.AddScoped<TargetBoardQuery>();
        services.AddScoped<RepTargetQuery>();
        services.AddScoped<Demo.DemoTargets>();
        return services;
    }
}
