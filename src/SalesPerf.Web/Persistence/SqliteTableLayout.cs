using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Sqlite.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace SalesPerf.Web.Persistence;

/// <summary>
/// Creates the tables written on every deal transition as SQLite WITHOUT ROWID tables, clustered on their primary
/// key: one B-tree per table instead of a table plus a key index, so a commit writes fewer pages.
/// </summary>
#pragma warning disable EF1001 // SqliteMigrationsSqlGenerator is "internal" API; the override is one small hook.
public sealed class SqliteTableLayout(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    public static readonly IReadOnlySet<string> ClusteredTables = new HashSet<string> { "Deals", "DealEvents", "ScoreEntries" };

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (!ClusteredTables.Contains(operation.Name))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }
        base.Generate(operation, model, builder, terminate: false);
        builder.Append(" WITHOUT ROWID");
        if (!terminate) return;
        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }
}
#pragma warning restore EF1001
