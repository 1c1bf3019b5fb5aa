namespace SalesPerf.Web.Hosting;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>SQLite's durability: Normal survives an app crash (WAL); Full also survives power loss, at a cost per commit.</summary>
public enum SqliteSynchronous { Normal, Full }

/// <summary>The "SalesPerf" configuration section.</summary>
public sealed class SalesPerfOptions
{
    public const string Section = "SalesPerf";

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;
    /// <summary>The company's time zone: business days and local deadlines are computed in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Create the demo company (teams, reps, ~150 deals) on first start of an empty database.</summary>
    public bool SeedDemoData { get; set; }
    /// <summary>Folder of shipped Elsa-format flows, relative to the app's base directory unless absolute.</summary>
    public string WorkflowsPath { get; set; } = "workflows";
    /// <summary>Folder for uploaded files (and the default SQLite file), relative to the content root unless absolute.</summary>
    public string DataPath { get; set; } = "data";
    /// <summary>Password of the demo accounts.</summary>
    public string DemoPassword { get; set; } = "Demo!2026";
}
