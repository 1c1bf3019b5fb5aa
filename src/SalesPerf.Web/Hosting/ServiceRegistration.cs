using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Administration;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Designer;
using SalesPerf.Web.Evaluations;
using SalesPerf.Web.Demo;
using SalesPerf.Web.Files;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Pages;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Targets;

namespace SalesPerf.Web.Hosting;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddSalesPerf(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SalesPerfOptions.Section);
        services.Configure<SalesPerfOptions>(section);
        var options = section.Get<SalesPerfOptions>() ?? new SalesPerfOptions();

        services.TryAddSingletonTimeProvider();
        services.AddHttpContextAccessor();
        services.AddSingleton<Caching.DataStamp>();
        services.AddSingleton<Membership.MembershipRecorder>();
        services.AddSingleton<Caching.PortalCache>();
        services.AddDatabase(builder.Configuration.GetConnectionString("SalesPerf") ?? $"Data Source={options.DataPath}/salesperf.db", options, builder.Environment.ContentRootPath);
        services.AddAccounts();

        services.AddSingleton<FlowCatalog>();
        services.AddSingleton<DealStateCache>();
        services.AddSingleton<CalendarProvider>();
        services.AddScoped<FlowSeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DealStore>();
        services.AddScoped<DealService>();
        services.AddScoped<DealQueries>();
        services.AddScoped<ViewBuilder>();
        services.AddScoped<RequestAccess>();
        services.AddScoped<FileStore>();

        services.AddNotifications(builder.Configuration);
        services.AddEvaluations(builder.Configuration);
        services.AddTargets();
        services.AddValidatorsFromAssemblyContaining<CreateDealRequestValidator>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddRazorPages();
        services.AddDesigner();
        services.AddPortal();
        services.AddAdministration();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    private static void AddDatabase(this IServiceCollection services, string connectionString, SalesPerfOptions options, string contentRoot)
    {
        if (options.DatabaseProvider == DatabaseProvider.Postgres)
        {
            // Pooled: a request's context (Identity's stores resolve one on every request) is reset, not built again.
            services.AddDbContextPool<SalesPerfDbContext, PostgresSalesPerfDbContext>((sp, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<Caching.DataStamp>().Interceptors)
                .AddInterceptors(sp.GetRequiredService<Membership.MembershipRecorder>()));
            services.AddScoped<IDealWriter, BatchedDealWriter>();
            return;
        }
        var sqlite = DatabaseInitializer.PrepareSqliteConnectionString(connectionString, contentRoot);
        var setup = new SqliteConnectionSetup(options.SqliteSynchronous);
        services.AddDbContextPool<SalesPerfDbContext, SqliteSalesPerfDbContext>((sp, o) => o.UseSqlite(sqlite).AddInterceptors(setup)
            .AddInterceptors(sp.GetRequiredService<Caching.DataStamp>().Interceptors)
            .AddInterceptors(sp.GetRequiredService<Membership.MembershipRecorder>())
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, SqliteTableLayout>());
        services.AddSingleton<IDealWriter>(_ => new SqliteDealWriter(sqlite, options.SqliteSynchronous)); // disposed with the host
    }

    private static void AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<SalesPerfDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "salesperf";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // API callers get status codes, not a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/elsa/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
