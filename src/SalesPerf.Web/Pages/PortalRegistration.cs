using SalesPerf.Web.Files;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Pages.Deals;

namespace SalesPerf.Web.Pages;

/// <summary>The portal's services and endpoints, registered by the host with one line each.</summary>
public static class PortalRegistration
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddPortalLocalization();
        // Chinese text goes out as text, not as &#x...; entities (markup characters are still encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<DealRows>();
        services.AddScoped<MyDealsQuery>();
        services.AddScoped<NewDealChoiceQuery>();
        services.AddScoped<Timeline>();
        services.AddScoped<Approvals.ApprovalQueue>();
        services.AddScoped<Team.TeamBoardQuery>();
        services.AddScoped<Export.DealListExport>();
        services.AddSingleton<Dashboards.DealFactsCache>();
        services.AddScoped<Dashboards.DashboardQuery>();
        services.AddScoped<Dashboards.DashboardCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        // Deliverable templates (templates/deliverables): only names that exist in that folder are served.
        app.MapGet("/templates/deliverables/{name}", (string name) =>
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "templates", "deliverables");
            var file = Directory.Exists(folder) ? Directory.GetFiles(folder).FirstOrDefault(f => Path.GetFileName(f) == name) : null;
            if (file is null) return Results.NotFound();
            var ext = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
            return Results.File(file, FileSniffer.MimeTypes.GetValueOrDefault(ext, "application/octet-stream"), name);
        }).RequireAuthorization();
        return app;
    }
}
