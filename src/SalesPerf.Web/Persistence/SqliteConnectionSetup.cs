using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesPerf.Web.Hosting;

namespace SalesPerf.Web.Persistence;

/// <summary>
/// Sets the per-connection pragmas on every SQLite connection: WAL is a property of the file (set once at
/// start), but synchronous and busy_timeout are per connection. They stay set on the native connection, which
/// Microsoft.Data.Sqlite's pool keeps open between uses, so they run once per native connection, not on every open
/// (EF opens and closes the connection around each query, and compiling the pragmas cost more than a small query).
/// </summary>
public sealed class SqliteConnectionSetup(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = PragmasFor(synchronous);

    public static string PragmasFor(SqliteSynchronous synchronous) =>
        $"PRAGMA synchronous={(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    /// <summary>The pragmas each native connection last got (hosts in one process share Microsoft.Data.Sqlite's pool).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> Applied = new();

    /// <summary>False when this native connection already has these pragmas (a pooled connection used again).</summary>
    private bool Needs(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) return true;
        return !(Applied.TryGetValue(handle, out var applied) && applied == _pragmas);
    }

    private void Done(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) Applied.AddOrUpdate(handle, _pragmas);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Needs(connection)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        cmd.ExecuteNonQuery();
        Done(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Needs(connection)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        Done(connection);
    }
}
