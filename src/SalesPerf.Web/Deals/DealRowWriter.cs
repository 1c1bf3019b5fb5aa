using System.Text;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scoring;
using SalesPerf.Web.Deals.Notices;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>One SQL statement of a deal write, with positional parameters @p0, @p1, … in <see cref="Values"/>.</summary>
public sealed record RowStatement(string Sql, object?[] Values);

/// <summary>
/// Everything one transition writes for one deal: the deal row (inserted, or updated guarded by the version that was
/// read), its events and its score lines. <see cref="ExpectedRows"/> is how many rows the statements must change;
/// fewer means the version guard did not match: someone else wrote the deal first. <see cref="AlsoWrite"/> (notices,
/// queued mails) goes in the same transaction but is not counted: writing one of those twice is a no-op.
/// </summary>
public sealed record DealWrite(Guid DealId, IReadOnlyList<RowStatement> Statements, int ExpectedRows, IReadOnlyList<RowStatement> AlsoWrite)
{
    public static DealWrite For(DealTransition t, IEnumerable<DealNotice> notices, IEnumerable<RowStatement> alsoWrite, SqlDialect sql) =>
        new DealRowWriter(sql).Write(t, notices, alsoWrite);
}

/// <summary>Builds the SQL of a transition. Column names are the EF model's (<c>DealRecord</c>, <c>DealEventRecord</c>, <c>ScoreEntryRecord</c>).</summary>
internal sealed class DealRowWriter(SqlDialect sql)
{
    private readonly List<RowStatement> _statements = [];
    private int _expectedRows;

    public DealWrite Write(DealTransition t, IEnumerable<DealNotice> notices, IEnumerable<RowStatement> alsoWrite)
    {
        var deal = t.After;
        // The deal row first: its version check takes the row lock (PostgreSQL) before the inserts.
        if (t.Before is null) InsertDeal(deal);
        else UpdateDeal(t.Before, deal);
        InsertEvents(deal.Id, t.Events);
        InsertScores(deal.Id, t.ScoreEntries);
        var at = sql.Time(t.Events[^1].Event.At);
        return new DealWrite(deal.Id, _statements, _expectedRows, [.. notices.Select(n => new RowStatement(
            """INSERT INTO "DealNotices" ("Id","Key","Kind","DealId","Data","CreatedAt","Attempts") VALUES (@p0,@p1,@p2,@p3,@p4,@p5,0) ON CONFLICT ("Key") DO NOTHING""",
            [sql.Id(Guid.CreateVersion7()), n.Key, n.Kind, sql.Id(deal.Id), n.Data, at])), .. alsoWrite]);
    }

    private void InsertDeal(DealState deal)
    {
        var columns = DealColumns(deal);
        Add($"""INSERT INTO "Deals" ("Id",{string.Join(",", columns.Select(c => $"\"{c.Name}\""))}) VALUES (@p0,{string.Join(",", columns.Select((_, i) => $"@p{i + 1}"))})""",
            [sql.Id(deal.Id), .. columns.Select(c => c.Value)], rows: 1);
    }

    /// <summary>
    /// Only the columns that changed (SQLite rewrites an index entry whenever its column is in SET), guarded by the
    /// version that was read.
    /// </summary>
    private void UpdateDeal(DealState before, DealState after)
    {
        var old = DealColumns(before);
        var changed = DealColumns(after).Where((c, i) => !Equals(c.Value, old[i].Value)).ToList();
        var text = new StringBuilder("""UPDATE "Deals" SET """)
            .AppendJoin(", ", changed.Select((c, i) => $"\"{c.Name}\" = @p{i}"))
            .Append($""" WHERE "Id" = @p{changed.Count} AND "Version" = @p{changed.Count + 1}""");
        Add(text.ToString(), [.. changed.Select(c => c.Value), sql.Id(after.Id), before.Version], rows: 1);
    }

    /// <summary>The deal row's columns as the provider stores them.</summary>
    private List<(string Name, object? Value)> DealColumns(DealState s) =>
    [
        ("Title", s.Title), ("Customer", s.Customer), ("CustomerType", s.CustomerType), ("RepId", s.RepId),
        ("FlowDefinitionId", s.FlowDefinitionId), ("FlowVersion", s.FlowVersion), ("Status", s.Status.ToString()),
        ("CurrentStageKey", s.Current?.StageKey), ("CurrentStageStatus", s.Current?.Status.ToString()),
        ("CurrentDueAt", sql.Time(s.Current?.Schedule.DueAt)), ("NextDueAt", sql.Time(DealTransition.NextDue(s)?.DueAt)),
        ("PendingSubmissionNo", s.Current?.Pending?.SubmissionNo), ("EstimatedValue", sql.Money(s.EstimatedValue)),
        ("ContractValue", sql.Money(s.ContractValue)), ("CreatedAt", sql.Time(s.CreatedAt)), ("LastActivityAt", sql.Time(s.LastActivityAt)),
        ("ClosedAt", sql.Time(s.ClosedAt)), ("NextFollowUpDate", sql.Date(s.NextFollowUpDate)), ("FollowUpCount", s.FollowUps.Count),
        ("Version", s.Version),
    ];

    private void InsertEvents(Guid dealId, IReadOnlyList<(int Sequence, DealEvent Event)> events) =>
        Rows("""INSERT INTO "DealEvents" ("DealId","Sequence","Type","Data","At","ActorId") VALUES """, events,
            e => [sql.Id(dealId), e.Sequence, DealEventSerializer.TypeName(e.Event), DealEventSerializer.Serialize(e.Event), sql.Time(e.Event.At), e.Event.ActorId]);

    private void InsertScores(Guid dealId, IReadOnlyList<ScoreEntry> entries) =>
        Rows("""INSERT INTO "ScoreEntries" ("DealId","EventSequence","RepId","StageKey","Kind","Points","Explanation","At","LateDays","Attribution","RatePerDay") VALUES """,
            entries, s => [sql.Id(dealId), s.EventSequence, s.RepId, s.StageKey, s.Kind.ToString(), sql.Money(s.Points), s.Explanation, sql.Time(s.At),
                s.LateDays, s.Attribution?.ToString(), sql.Money(s.RatePerDay)]);

    /// <summary>A multi-row INSERT; its text depends only on the row count, so prepared statements are reused.</summary>
    private void Rows<T>(string insert, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        if (rows.Count == 0) return;
        var text = new StringBuilder(insert);
        var all = new List<object?>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = values(rows[r]);
            text.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < row.Length; c++) text.Append(c == 0 ? "" : ",").Append("@p").Append(all.Count + c);
            text.Append(')');
            all.AddRange(row);
        }
        Add(text.ToString(), [.. all], rows.Count);
    }

    private void Add(string text, object?[] values, int rows)
    {
        _statements.Add(new RowStatement(text, values));
        _expectedRows += rows;
    }
}
