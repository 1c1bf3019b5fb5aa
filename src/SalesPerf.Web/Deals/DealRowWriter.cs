using System.Data.Common;
using System.Text;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Scoring;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Deals;

/// <summary>
/// The SQL of one deal transition, on one transaction. The deal row is written on its own (its row count is the
/// concurrency check); events and score lines are collected into one multi-statement command, so a
/// transition costs two round trips whatever it contains. Column names are the EF model's.
/// </summary>
internal sealed class DealRowWriter(DbTransaction tx, SqlDialect sql)
{
    private const string DealColumns =
        """ "Title","Customer","CustomerType","RepId","FlowDefinitionId","FlowVersion","Status","CurrentStageKey","CurrentStageStatus","CurrentDueAt","NextDueAt","PendingSubmissionNo","EstimatedValue","ContractValue","CreatedAt","LastActivityAt","ClosedAt","NextFollowUpDate","FollowUpCount","Version" """;

    private static readonly string[] DealParameters =
        ["@title", "@customer", "@customerType", "@rep", "@flow", "@flowVersion", "@status", "@stage", "@stageStatus", "@dueAt", "@nextDue", "@pending",
         "@estimated", "@contract", "@created", "@lastActivity", "@closed", "@nextFollowUp", "@followUps", "@version"];

    private static readonly string InsertDealSql =
        $"""INSERT INTO "Deals" ("Id",{DealColumns}) VALUES (@id,{string.Join(",", DealParameters)})""";

    private static readonly string UpdateDealSql =
        $"""UPDATE "Deals" SET {string.Join(", ", DealColumns.Split(',').Zip(DealParameters, (c, p) => $"{c.Trim()} = {p}"))} WHERE "Id" = @id AND "Version" = @readVersion""";

    private readonly StringBuilder _batch = new();
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
        await using var cmd = Command(InsertDealSql);
        await DealValues(cmd, deal).ExecuteNonQueryAsync(ct);
    }

    /// <returns>false when the row is no longer at <paramref name="readVersion"/>: someone else wrote first.</returns>
    public async Task<bool> UpdateDealAsync(DealState deal, int readVersion, CancellationToken ct)
    {
        await using var cmd = Command(UpdateDealSql);
        DealValues(cmd, deal).With("@readVersion", readVersion);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private DbCommand DealValues(DbCommand cmd, DealState s) => cmd
        .With("@id", sql.Id(s.Id)).With("@title", s.Title).With("@customer", s.Customer).With("@customerType", s.CustomerType)
        .With("@rep", s.RepId).With("@flow", s.FlowDefinitionId).With("@flowVersion", s.FlowVersion).With("@status", s.Status.ToString())
        .With("@stage", s.Current?.StageKey).With("@stageStatus", s.Current?.Status.ToString()).With("@dueAt", sql.Time(s.Current?.Schedule.DueAt))
        .With("@nextDue", sql.Time(DealTransition.NextDue(s)?.DueAt))
        .With("@pending", s.Current?.Pending?.SubmissionNo).With("@estimated", sql.Money(s.EstimatedValue)).With("@contract", sql.Money(s.ContractValue))
        .With("@created", sql.Time(s.CreatedAt)).With("@lastActivity", sql.Time(s.LastActivityAt)).With("@closed", sql.Time(s.ClosedAt))
        .With("@nextFollowUp", sql.Date(s.NextFollowUpDate)).With("@followUps", s.FollowUps.Count).With("@version", s.Version);

    public void InsertEvents(Guid dealId, IReadOnlyList<(int Sequence, DealEvent Event)> events) =>
        Rows("""INSERT INTO "DealEvents" ("DealId","Sequence","Type","Data","At","ActorId") VALUES """, events,
            e => [sql.Id(dealId), e.Sequence, DealEventSerializer.TypeName(e.Event), DealEventSerializer.Serialize(e.Event), sql.Time(e.Event.At), e.Event.ActorId]);

    public void InsertScores(Guid dealId, IReadOnlyList<ScoreEntry> entries) =>
        Rows("""INSERT INTO "ScoreEntries" ("DealId","EventSequence","RepId","StageKey","Kind","Points","Explanation","At","LateDays","Attribution","RatePerDay") VALUES """,
            entries, s => [sql.Id(dealId), s.EventSequence, s.RepId, s.StageKey, s.Kind.ToString(), sql.Money(s.Points), s.Explanation, sql.Time(s.At),
                s.LateDays, s.Attribution?.ToString(), sql.Money(s.RatePerDay)]);

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_batchCommand is null) return;
        _batchCommand.CommandText = _batch.ToString();
        await using (_batchCommand) await _batchCommand.ExecuteNonQueryAsync(ct);
        _batchCommand = null;
        _batch.Clear();
    }

    private void Rows<T>(string insert, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        if (rows.Count == 0) return;
        _batch.Append(insert);
        for (var r = 0; r < rows.Count; r++)
        {
            _batch.Append(r == 0 ? "(" : ",(");
            var row = values(rows[r]);
            for (var c = 0; c < row.Length; c++) _batch.Append(c == 0 ? "" : ",").Append(Parameter(row[c]));
            _batch.Append(')');
        }
        _batch.Append(";\n");
    }

    private void Statement(string format, params object?[] values) =>
        _batch.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values.Select(Parameter).ToArray<object>())).Append(";\n");

    private string Parameter(object? value)
    {
        _batchCommand ??= Command("");
        var name = $"@p{_batchCommand.Parameters.Count}";
        _batchCommand.With(name, value);
        return name;
    }
}
