using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Browser.Tests.Infrastructure;

/// <summary>
/// The real SalesPerf app on Kestrel (127.0.0.1, a free port) with a real SQLite file and a small company:
/// an admin, manager mN and rep rA of team North.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string Password = "Browser!2026";
    private readonly string _folder = Directory.CreateTempSubdirectory("salesperf-browser-").FullName;

    public string BaseUrl { get; private set; } = "";
    public Dictionary<string, string> UserIds { get; } = [];

    // asp-append-version watches wwwroot through the web root's file provider; with inotify every host holds an instance
    // (the per-user limit is 128) until it is collected, and the suite starts hundreds of hosts: pages answered 500 once
    // the limit was reached. Polling watchers hold none; tests never edit the static files.
    static BrowserApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Each host would watch its settings files with an inotify instance; the suite starts hundreds of hosts and
        // the per-user limit is 128, so a busy machine ran out. Tests never edit the settings files.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("ConnectionStrings:SalesPerf", $"Data Source={Path.Combine(_folder, "salesperf.db")}");
        builder.UseSetting("SalesPerf:DatabaseProvider", "Sqlite");
        builder.UseSetting("SalesPerf:SeedDemoData", "false");
        builder.UseSetting("SalesPerf:DataPath", _folder);
    }

    public async Task<BrowserApp> StartAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var team = new Team { Id = Guid.NewGuid(), Name = "North" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        foreach (var (key, role) in new[] { ("admin", Roles.Admin), ("mN", Roles.Manager), ("rA", Roles.Rep) })
        {
            var user = new AppUser { UserName = $"{key}@test.local", Email = $"{key}@test.local", DisplayName = key, Culture = "en", TeamId = role == Roles.Admin ? null : team.Id };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            UserIds[key] = user.Id;
        }
        team.ManagerId = UserIds["mN"];
        await db.SaveChangesAsync();
        return this;
    }

    /// <summary>A cookie-signed-in HTTP client against the Kestrel address (for setting up and checking deals).</summary>
    public async Task<HttpClient> SignInAsync(string key)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = $"{key}@test.local", password = Password }));
        response.EnsureSuccessStatusCode();
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
