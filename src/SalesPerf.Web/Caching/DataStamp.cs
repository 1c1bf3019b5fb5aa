using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesPerf.Web.Caching;

/// <summary>
/// A number that changes whenever this app node writes to the database: any EF <c>SaveChanges</c>, any EF
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>/raw non-query, and every deal transition (<see cref="Deals.DealStore"/> calls
/// <see cref="Changed"/> after its own writer, which EF does not see, commits: the reminder sweep's too). <see cref="PortalCache"/> keys its
/// entries by it, so what this node shows is never older than its own last write; writes of other nodes (PostgreSQL
/// with several nodes) are seen once the entry's few seconds are over.
/// </summary>
public sealed class DataStamp
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Changed() => Interlocked.Increment(ref _value);

    /// <summary>The EF interceptors that call <see cref="Changed"/>; add them to every DbContext of the app.</summary>
    public IInterceptor[] Interceptors => _interceptors ??= [new SaveChangesWatch(this), new CommandWatch(this), new TransactionWatch(this)];

    private IInterceptor[]? _interceptors;

    private sealed class SaveChangesWatch(DataStamp stamp) : SaveChangesInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            stamp.Changed();
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            stamp.Changed();
            return ValueTask.FromResult(result);
        }

        // A failed save may have written part of its rows before the error (no transaction of the caller's own).
        public override void SaveChangesFailed(DbContextErrorEventData eventData) => stamp.Changed();

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            stamp.Changed();
            return Task.CompletedTask;
        }
    }

    /// <summary>Inside an explicit transaction the rows count once it commits (SaveChanges ran before).</summary>
    private sealed class TransactionWatch(DataStamp stamp) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => stamp.Changed();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            stamp.Changed();
            return Task.CompletedTask;
        }
    }

    private sealed class CommandWatch(DataStamp stamp) : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            stamp.Changed();
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            stamp.Changed();
            return ValueTask.FromResult(result);
        }
    }
}
