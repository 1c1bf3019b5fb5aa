using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Tests.Infrastructure;

/// <summary>
/// The real SalesPerf host on a real database file, with a fake clock and a small company:
/// team North (manager mN, reps rA, rB), team South (manager mS, rep rC), and an admin.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // Monday 09:00 in Shanghai
    public const string Password = "Test!2026pw";

    public TestApp(TestDatabase database, FakeTimeProvider? clock = null)
    {
        Database = database;
        Clock = clock ?? new FakeTimeProvider(Start);
    }

    public TestDatabase Database { get; }
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("salesperf-data-").FullName;
    public FakeTimeProvider Clock { get; }
    public Dictionary<string, string> UserIds { get; } = [];
    /// <summary>Extra configuration, e.g. the SMTP server of the mail tests.</summary>
    public Dictionary<string, string> Settings { get; } = new() { ["SalesPerf:Mail:WorkerEnabled"] = "false" };

    // asp-append-version watches wwwroot through the web root's file provider; with inotify every host holds an instance
    // (the per-user limit is 128) until it is collected, and the suite starts hundreds of hosts: pages answered 500 once
    // the limit was reached. Polling watchers hold none; tests never edit the static files.
    static TestApp() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Each host would watch its settings files with an inotify instance; the suite starts hundreds of hosts and
        // the per-user limit is 128, so a busy machine ran out. Tests never edit the settings files.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("ConnectionStrings:SalesPerf", Database.ConnectionString);
        builder.UseSetting("SalesPerf:DatabaseProvider", Database.Provider);
        builder.UseSetting("SalesPerf:SeedDemoData", "false");
        builder.UseSetting("SalesPerf:DataPath", DataFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Tests move the fake clock by days; the session should not be what expires.
            services.ConfigureApplicationCookie(o => o.ExpireTimeSpan = TimeSpan.FromDays(3650));
        });
    }

    /// <summary>Starts the host and creates the test company (idempotent: a restarted app on the same database reuses it).</summary>
    public async Task<TestApp> StartAsync()
    {
        _ = Server;
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>();
        var newUsers = new List<string>();
        async Task<string> User(string key, string role, Guid? team)
        {
            var email = $"{key}@test.local";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                newUsers.Add(key);
                user = new AppUser { UserName = email, Email = email, DisplayName = key, TeamId = team, Culture = "en" };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join(";", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
            return UserIds[key] = user.Id;
        }
        Guid Team(string name)
        {
            var team = db.Teams.FirstOrDefault(t => t.Name == name) ?? db.Teams.Add(new Team { Id = Guid.NewGuid(), Name = name }).Entity;
            db.SaveChanges();
            return team.Id;
        }
        var north = Team("North");
        var south = Team("South");
        var mN = await User("mN", Roles.Manager, north);
        var mS = await User("mS", Roles.Manager, south);
        await User("rA", Roles.Rep, north);
        await User("rB", Roles.Rep, north);
        await User("rC", Roles.Rep, south);
        await User("admin", Roles.Admin, null);
        db.Teams.Single(t => t.Id == north).ManagerId = mN;
        db.Teams.Single(t => t.Id == south).ManagerId = mS;
        await db.SaveChangesAsync();
        // The test company was in its teams before the tests' first day (users created later join on their creation day).
        await SalesPerf.Web.Membership.MembershipBackdating.FromBeginningAsync(db, newUsers.Select(k => UserIds[k]).ToList());
        return this;
    }

    /// <summary>An HTTP client signed in as one of the test users (cookie session, like a browser).</summary>
    public async Task<ApiClient> SignInAsync(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var api = new ApiClient(client);
        var response = await api.PostAsync("/api/auth/login", new { email = $"{key}@test.local", password = Password });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in of {key} failed: {response.StatusCode}");
        return api;
    }

    public ApiClient Anonymous() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
}
