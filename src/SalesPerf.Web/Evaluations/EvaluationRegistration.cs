using Microsoft.Extensions.Options;
using SalesPerf.Reports;
using SalesPerf.Web.Evaluations.Closing;
using SalesPerf.Web.Hosting;

namespace SalesPerf.Web.Evaluations;

/// <summary>Evaluations and their reports: services, the /api/reports endpoints, the pack download link and start-up seeding.</summary>
public static class EvaluationRegistration
{
    public static IServiceCollection AddEvaluations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton(sp => new ReportFonts(sp.GetRequiredService<IOptions<ReportOptions>>().Value.FontPath));
        services.AddSingleton<ReportPdf>();
        services.AddSingleton<ReportLinks.KeyHolder>();
        services.AddScoped<ReportLinks>();
        services.AddScoped<EvaluationSettingsStore>();
        services.AddScoped<EvaluationLoader>();
        services.AddScoped<ReportService>();
        services.AddScoped<MonthScores>();
        services.AddScoped<Disputes.DisputeService>();
        services.Configure<Closing.ClosingOptions>(configuration.GetSection(Closing.ClosingOptions.Section));
        services.AddScoped<Closing.ClosedPeriodStore>();
        services.AddScoped<Closing.PeriodCloser>();
        services.AddScoped<Closing.AutoCloser>();
        services.AddHostedService<Closing.ClosingWorker>();
        services.AddScoped<CalendarToday>();
        services.AddScoped<MonthlyPack>();
        services.AddScoped<EvaluationDemoSeeder>();
        services.AddHostedService<MonthlyPackWorker>();
        return services;
    }

    /// <summary>Seeds default weights and training suggestions (and the demo company's evaluation input); says at start whether reports can print Chinese.</summary>
    public static async Task InitializeEvaluationsAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EvaluationSettingsStore>().SeedDefaultsAsync();
        var options = app.Services.GetRequiredService<IOptions<SalesPerfOptions>>().Value;
        if (options.SeedDemoData) await scope.ServiceProvider.GetRequiredService<EvaluationDemoSeeder>().SeedAsync(options.DemoPassword);
        var fonts = app.Services.GetRequiredService<ReportFonts>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SalesPerf.Reports");
        if (fonts.HasCjk) log.LogInformation("{Message}", fonts.Message);
        else log.LogWarning("{Message}", fonts.Message);
    }

    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReportEndpoints();
        app.MapClosingEndpoints();
        // The monthly mail's link: the signed grant is the permission (a manager may open it on a phone without signing in).
        app.MapGet("/reports/pack", async (string? t, ReportLinks links, EvaluationLoader loader, ReportService reports, ReportPdf pdf, CancellationToken ct) =>
        {
            if (await links.ReadAsync(t, ct) is not { } grant)
                return Results.Problem(statusCode: 404, title: "This download link is not valid or has expired.", detail: "Open the Reports page of the portal to download the pack.");
            if (await loader.TeamAsync(grant.TeamId, grant.Period, ct) is not { } team || team.ManagerId != grant.ManagerId)
                return Results.Problem(statusCode: 404, title: "This team's pack is no longer available to you.");
            // A month closed since the mail was sent is served from its snapshot, like every other report.
            var pack = await reports.TeamUncheckedAsync(team, grant.Period, grant.Language, ct: ct);
            return ReportEndpoints.TeamPackPdf(pdf, pack.Value!);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
