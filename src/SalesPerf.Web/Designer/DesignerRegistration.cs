using SalesPerf.Web.Accounts;
using SalesPerf.Web.Designer.Api;
using SalesPerf.Web.Designer.Definitions;
using SalesPerf.Web.Designer.Hosting;
using SalesPerf.Web.Designer.Migration;

namespace SalesPerf.Web.Designer;

/// <summary>The flow designer: Elsa Studio's files, its API under /elsa/api (admins only), and deal migration.</summary>
public static class DesignerRegistration
{
    public const string AdminPolicy = "designer-admin";

    public static IServiceCollection AddDesigner(this IServiceCollection services)
    {
        services.AddSingleton<StudioAssets>();
        services.AddScoped<FlowDefinitionStore>();
        services.AddScoped<CriteriaEditorSettings>();
        services.AddScoped<DealMigrationService>();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapDesigner(this IEndpointRouteBuilder app)
    {
        app.MapStudioAssets();
        var api = app.MapGroup(StudioResults.ApiBase).RequireAuthorization(AdminPolicy).AddEndpointFilter<SameOriginFilter>()
            .ExcludeFromDescription();
        api.MapDefinitionEndpoints();
        api.MapDescriptorEndpoints();
        // Anything else the Studio asks for is a contract change to look at, not something to answer blindly.
        api.MapFallback(() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This Elsa API endpoint is not implemented by SalesPerf."));
        app.MapMigrationEndpoints();
        return app;
    }
}
