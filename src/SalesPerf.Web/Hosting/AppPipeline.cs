using Microsoft.Extensions.Options;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Designer;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Demo;
using SalesPerf.Web.Files;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Pages;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Hosting;

public static class AppPipeline
{
    /// <summary>Migrates and seeds before the app listens, so /health answers 200 only when everything is ready.</summary>
    public static async Task InitializeSalesPerfAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (app.Services.GetRequiredService<IOptions<SalesPerfOptions>>().Value.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
            await scope.ServiceProvider.GetRequiredService<DemoTargets>().SeedAsync();
        }
        await app.InitializeEvaluationsAsync();
    }

    public static WebApplication UseSalesPerf(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapAccountEndpoints();
        app.MapDealEndpoints();
        app.MapFlowEndpoints();
        app.MapFileEndpoints();
        app.MapRazorPages();
        app.MapDesigner();
        app.MapPortalEndpoints();
        app.MapEvaluationEndpoints();
        app.MapTargetEndpoints();
        return app;
    }
}
