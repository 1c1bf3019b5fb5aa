using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Persistence;

/// <summary>Brings the database to the current schema and seeds what every install needs: roles, calendar, shipped flows.</summary>
public sealed class DatabaseInitializer(SalesPerfDbContext db, RoleManager<IdentityRole> roles, FlowSeeder flows, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (!await db.CalendarDays.AnyAsync(ct))
        {
            db.CalendarDays.AddRange(DefaultCalendar.China2026());
            await db.SaveChangesAsync(ct);
        }
        await new Administration.CustomerTypeCatalog(db).SeedAsync(ct);
        await flows.SeedAsync(ct);
        log.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }

    /// <summary>Creates the folder of a relative or absolute SQLite file so a fresh clone just runs.</summary>
    public static string PrepareSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
