using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesPerf.Web.Hosting;

namespace SalesPerf.Web.Persistence;

/// <summary>
/// Sets the per-connection pragmas on every SQLite connection: WAL is a property of the file (set once at
/// start), but synchronous and busy_timeout are per connection.
/// </summary>
public sealed class SqliteConnectionSetup(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private string Pragmas => PragmasFor(synchronous);

    public static string PragmasFor(SqliteSynchronous synchronous) =>
        $"PRAGMA synchronous={(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
