using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>A fresh app on its own SQLite file per test, with the admin signed in (reading English).</summary>
public abstract class AdminPageTests : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;
    protected ApiClient AsAdmin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await new TestApp(TestDatabase.Sqlite()).StartAsync();
        AsAdmin = await App.SignInEnAsync("admin");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        App.Database.Dispose();
    }

    /// <summary>Reads the database directly, as a check of what the pages wrote.</summary>
    protected T Query<T>(Func<SalesPerfDbContext, T> read)
    {
        using var scope = App.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<SalesPerfDbContext>());
    }
}
