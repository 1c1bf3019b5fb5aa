using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesPerf.Web.Persistence;

/// <summary>
/// SQLite cannot compare or order DateTimeOffset or decimal values stored as text, so instants are stored as
/// UTC ticks (ordered integers) and money as REAL. Each provider has its own migrations.
/// </summary>
public sealed class SqliteSalesPerfDbContext(DbContextOptions<SqliteSalesPerfDbContext> options) : SalesPerfDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<decimal>().HaveConversion<double>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

public sealed class PostgresSalesPerfDbContext(DbContextOptions<PostgresSalesPerfDbContext> options) : SalesPerfDbContext(options);

/// <summary>Used by `dotnet ef migrations add` only.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesPerfDbContext>
{
    public SqliteSalesPerfDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSalesPerfDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by `dotnet ef migrations add` only.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesPerfDbContext>
{
    public PostgresSalesPerfDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSalesPerfDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
