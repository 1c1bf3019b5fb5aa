using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SalesPerf.Bench;

/// <summary>The reference: how many one-row INSERT transactions SQLite commits per second on this disk, same pragmas.</summary>
public static class RawSqlite
{
    public static double CommitsPerSecond(string folder, string synchronous, int count = 5000)
    {
        var path = Path.Combine(folder, $"raw-{synchronous}.db");
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE t (id INTEGER PRIMARY KEY, deal TEXT, data TEXT);");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (deal, data) VALUES ($deal, $data)";
        var deal = insert.Parameters.Add("$deal", SqliteType.Text);
        var data = insert.Parameters.Add("$data", SqliteType.Text);
        insert.Prepare();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            deal.Value = Guid.NewGuid().ToString();
            data.Value = "{\"type\":\"approved\",\"stageKey\":\"needs-analysis\"}";
            insert.ExecuteNonQuery();
            tx.Commit();
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
