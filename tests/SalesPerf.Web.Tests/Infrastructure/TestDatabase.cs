using Npgsql;

namespace SalesPerf.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test host: a SQLite file, or a new database on the test PostgreSQL cluster.</summary>
public abstract class TestDatabase : IDisposable
{
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }
    public abstract void Dispose();

    public static TestDatabase Sqlite() => new SqliteTestDatabase();
    public static TestDatabase Postgres() => new PostgresTestDatabase();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salesperf-test-").FullName;
    public override string Provider => "Sqlite";
    public string FilePath => Path.Combine(_folder, "salesperf.db");
    public override string ConnectionString => $"Data Source={FilePath}";

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Needs SALESPERF_TEST_POSTGRES (set by scripts/test.sh, which starts a throwaway cluster). Without it the
/// test fails with a message that says so: provider tests are never skipped silently.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "SALESPERF_TEST_POSTGRES";
    private readonly string _server;
    private readonly string _name = "salesperf_test_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, which starts a local PostgreSQL cluster for them.");
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        create.ExecuteNonQuery();
    }

    public override string Provider => "Postgres";
    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
