using System.Data.Common;
using System.Text;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scoring;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>
/// The SQL of one deal transition, on one transaction: the deal row's guarded update, its events and score lines
/// go into one multi-statement command, so a transition costs one round trip whatever it contains.
/// Column names are the EF model's.
/// </summary>
internal sealed class DealRowWriter(DbTransaction tx, SqlDialect sql)
{
    private readonly StringBuilder _batch = new();
    private int _expectedRows;
    private DbCommand? _batchCommand;

    private DbCommand Command(string text)
    {
        var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = text;
        return cmd;
    }

    public async Task InsertDealAsync(DealState deal, CancellationToken ct)
    {
        var columns = DealColumns(deal);
        await using var cmd = Command($"""INSERT INTO "Deals" ("Id",{string.Join(",", columns.Select(c => $"\"{c.Name}\""))}) VALUES (@id,{string.Join(",", columns.Select((_, i) => $"@c{i}"))})""");
        cmd.With("@id", sql.Id(deal.Id));
        for (var i = 0; i < columns.Count; i++) cmd.With($"@c{i}", columns[i].Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Adds the deal row's update to the batch: only the columns that changed (SQLite rewrites an index entry whenever
    /// its column is in SET), guarded by the version that was read. It changes one row, or none if someone else
    /// wrote first — <see cref="FlushAsync"/>'s row count tells which.
    /// </summary>
    public void UpdateDeal(DealState before, DealState after)
    {
        var old = DealColumns(before);
        var changed = DealColumns(after).Where((c, i) => !Equals(c.Value, old[i].Value)).ToList();
        _batch.Append("""UPDATE "Deals" SET """)
            .AppendJoin(", ", changed.Select(c => $"\"{c.Name}\" = {Parameter(c.Value)}"))
            .Append($""" WHERE "Id" = {Parameter(sql.Id(after.Id))} AND "Version" = {Parameter(before.Version)};""").Append('\n');
        _expectedRows++;
    }

    /// <summary>The deal row's columns (the EF model's <c>DealRecord</c>) as the provider stores them.</summary>
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

    public void InsertEvents(Guid dealId, IReadOnlyList<(int Sequence, DealEvent Event)> events) =>
        Rows("""INSERT INTO "DealEvents" ("DealId","Sequence","Type","Data","At","ActorId") VALUES """, events,
            e => [sql.Id(dealId), e.Sequence, DealEventSerializer.TypeName(e.Event), DealEventSerializer.Serialize(e.Event), sql.Time(e.Event.At), e.Event.ActorId]);

    public void InsertScores(Guid dealId, IReadOnlyList<ScoreEntry> entries) =>
        Rows("""INSERT INTO "ScoreEntries" ("DealId","EventSequence","RepId","StageKey","Kind","Points","Explanation","At","LateDays","Attribution","RatePerDay") VALUES """,
            entries, s => [sql.Id(dealId), s.EventSequence, s.RepId, s.StageKey, s.Kind.ToString(), sql.Money(s.Points), s.Explanation, sql.Time(s.At),
                s.LateDays, s.Attribution?.ToString(), sql.Money(s.RatePerDay)]);

    /// <summary>Runs the batch in one round trip.</summary>
    /// <returns>false when fewer rows changed than written: the deal row's version guard did not match.</returns>
    public async Task<bool> FlushAsync(CancellationToken ct)
    {
        if (_batchCommand is null) return true;
        _batchCommand.CommandText = _batch.ToString();
        int changed;
        await using (_batchCommand) changed = await _batchCommand.ExecuteNonQueryAsync(ct);
        _batchCommand = null;
        _batch.Clear();
        return changed == _expectedRows;
    }

    private void Rows<T>(string insert, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        if (rows.Count == 0) return;
        _batch.Append(insert);
        _expectedRows += rows.Count;
        for (var r = 0; r < rows.Count; r++)
        {
            _batch.Append(r == 0 ? "(" : ",(");
            var row = values(rows[r]);
            for (var c = 0; c < row.Length; c++) _batch.Append(c == 0 ? "" : ",").Append(Parameter(row[c]));
            _batch.Append(')');
        }
        _batch.Append(";\n");
    }

    private string Parameter(object? value)
    {
        _batchCommand ??= Command("");
        var name = $"@p{_batchCommand.Parameters.Count}";
        _batchCommand.With(name, value);
        return name;
    }
}
