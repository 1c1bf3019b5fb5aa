using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Hosting;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>
/// Writes deal transitions: all the given writes in one transaction, all or none. Throws
/// <see cref="DealConcurrencyException"/> naming the deal whose version guard failed or whose event number was taken.
/// </summary>
public interface IDealWriter
{
    SqlDialect Dialect { get; }
    Task WriteAsync(IReadOnlyList<DealWrite> writes, CancellationToken ct = default);
}

/// <summary>
/// SQLite lets one connection write at a time, so this process's deal writes go through one dedicated connection,
/// one after another, and keep their compiled statements: Microsoft.Data.Sqlite compiles the SQL of every new
/// command again, which costs more than a WAL commit. Other writes (accounts, outbox) use EF's connections and
/// wait for the file's write lock (busy_timeout) as before.
/// </summary>
public sealed class SqliteDealWriter(string connectionString, SqliteSynchronous synchronous) : IDealWriter, IDisposable
{
    private const int MaxPrepared = 64; // statement texts vary only by changed columns and row counts
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public async Task WriteAsync(IReadOnlyList<DealWrite> writes, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try { Write(writes); }
        finally { _gate.Release(); }
    }

    private void Write(IReadOnlyList<DealWrite> writes)
    {
        Statement("BEGIN IMMEDIATE", 0).ExecuteNonQuery();
        var committed = false;
        try
        {
            foreach (var write in writes)
            {
                var changed = 0;
                try
                {
                    foreach (var s in write.Statements) changed += Run(s);
                }
                catch (SqliteException e) when (Dialect.IsUniqueViolation(e))
                {
                    throw new DealConcurrencyException(write.DealId); // someone appended event #n before us
                }
                if (changed != write.ExpectedRows) throw new DealConcurrencyException(write.DealId);
                foreach (var s in write.AlsoWrite) Run(s);
            }
            Statement("COMMIT", 0).ExecuteNonQuery();
            committed = true;
        }
        finally
        {
            if (!committed) Rollback();
        }
    }

    private int Run(RowStatement s)
    {
        var cmd = Statement(s.Sql, s.Values.Length);
        for (var i = 0; i < s.Values.Length; i++) cmd.Parameters[i].Value = s.Values[i] ?? DBNull.Value;
        return cmd.ExecuteNonQuery();
    }

    private SqliteCommand Statement(string sql, int parameters)
    {
        if (_prepared.TryGetValue(sql, out var cmd)) return cmd;
        if (_prepared.Count >= MaxPrepared) ForgetStatements();
        cmd = Connection().CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < parameters; i++) cmd.Parameters.Add(new SqliteParameter($"@p{i}", DBNull.Value));
        cmd.Prepare();
        _prepared[sql] = cmd;
        return cmd;
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null) return _connection;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = SqliteConnectionSetup.PragmasFor(synchronous);
            pragmas.ExecuteNonQuery();
        }
        return _connection = connection;
    }

    private void Rollback()
    {
        try { Statement("ROLLBACK", 0).ExecuteNonQuery(); }
        catch (SqliteException)
        {
            // No transaction left to roll back, or the connection is broken: start afresh next time.
            Reset();
        }
    }

    private void ForgetStatements()
    {
        foreach (var cmd in _prepared.Values) cmd.Dispose();
        _prepared.Clear();
    }

    private void Reset()
    {
        ForgetStatements();
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        Reset();
        _gate.Dispose();
    }
}

/// <summary>
/// PostgreSQL (and any other provider): each deal's statements go as one multi-statement command on EF's connection,
/// so a transition costs one round trip; the server prepares them itself.
/// </summary>
public sealed partial class BatchedDealWriter(SalesPerfDbContext db) : IDealWriter
{
    public SqlDialect Dialect { get; } = SqlDialect.For(db);

    public async Task WriteAsync(IReadOnlyList<DealWrite> writes, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var write in writes)
        {
            int changed;
            try { changed = await ExecuteAsync(tx, write.Statements, ct); }
            catch (DbException e) when (Dialect.IsUniqueViolation(e)) { throw new DealConcurrencyException(write.DealId); }
            if (changed != write.ExpectedRows) throw new DealConcurrencyException(write.DealId);
            if (write.AlsoWrite.Count > 0) await ExecuteAsync(tx, write.AlsoWrite, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The statements as one command (parameters renumbered), so they cost one round trip.</summary>
    private static async Task<int> ExecuteAsync(DbTransaction tx, IReadOnlyList<RowStatement> statements, CancellationToken ct)
    {
        await using var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        var sql = new System.Text.StringBuilder();
        foreach (var s in statements)
        {
            var offset = cmd.Parameters.Count;
            sql.Append(Parameter().Replace(s.Sql, m => "@p" + (offset + int.Parse(m.Groups[1].ValueSpan)))).Append(";\n");
            foreach (var value in s.Values) cmd.With($"@p{cmd.Parameters.Count}", value);
        }
        cmd.CommandText = sql.ToString();
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"@p(\d+)")]
    private static partial Regex Parameter();
}
