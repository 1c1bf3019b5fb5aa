using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SalesPerf.Web.Persistence;

/// <summary>
/// How values are stored by each provider, for the hand-written hot path (deal transitions). It must match the
/// EF model: on SQLite, Guids are upper-case text, instants UTC ticks, decimals REAL and dates "yyyy-MM-dd".
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect For(DbContext db) => db.Database.IsSqlite() ? Sqlite : Postgres;

    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract object Id(Guid id);
    public abstract object Time(DateTimeOffset at);
    public abstract object Money(decimal value);
    public abstract object Date(DateOnly date);

    public object? Time(DateTimeOffset? at) => at is { } v ? Time(v) : null;
    public object? Money(decimal? value) => value is { } v ? Money(v) : null;
    public object? Date(DateOnly? date) => date is { } v ? Date(v) : null;

    public abstract bool IsUniqueViolation(DbException e);

    private sealed class SqliteDialect : SqlDialect
    {
        public override object Id(Guid id) => id.ToString().ToUpperInvariant();
        public override object Time(DateTimeOffset at) => at.UtcTicks;
        public override object Money(decimal value) => (double)value;
        public override object Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        public override bool IsUniqueViolation(DbException e) => e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override object Id(Guid id) => id;
        public override object Time(DateTimeOffset at) => at.ToUniversalTime();
        public override object Money(decimal value) => value;
        public override object Date(DateOnly date) => date;
        public override bool IsUniqueViolation(DbException e) => e.SqlState == "23505";
    }
}

public static class DbCommandExtensions
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return command;
    }
}
