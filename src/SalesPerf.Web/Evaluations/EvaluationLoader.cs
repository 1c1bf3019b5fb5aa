using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Web.Evaluations;

/// <summary>A team (or a rep without a team, as a team of one) as the reports know it.</summary>
public sealed record ReportTeam(Guid? Id, string Name, string? ManagerId, string? ManagerName, IReadOnlyList<(string Id, string Name)> Reps)
{
    /// <summary>The part of the period a rep was in this team, for reps who were not in it the whole period.</summary>
    public IReadOnlyDictionary<string, EvaluationPeriod> Presence { get; init; } = new Dictionary<string, EvaluationPeriod>();
}

/// <summary>
/// Loads what the pure <see cref="Evaluator"/> needs from the database: the team's reps, their deals' events (deals open
/// at some time in the period), the score ledger lines of those deals, ratings, trainings and the managers' comments.
/// </summary>
public sealed partial class EvaluationLoader(SalesPerfDbContext db, FlowCatalog flows, EvaluationSettingsStore settings, Targets.RepTargetQuery targets,
    Closing.ClosedPeriodStore closedPeriods)
{
    public IQueryable<AppUser> RepsQuery() => db.UsersInRole(Roles.Rep);

    public async Task<TeamEvaluation> EvaluateAsync(ReportTeam team, EvaluationPeriod period, string language, CancellationToken ct = default)
    {
        var (inputs, config) = await InputsAsync([team], period, ct);
        return Evaluator.EvaluateTeam(inputs[0], period, language, config);
    }

    /// <summary>
    /// What <see cref="Evaluator.EvaluateTeam"/> needs for each of the teams (in their order) and the settings to evaluate
    /// them with, read in one pass for all of them (each query once, the events streamed): a caller that evaluates several
    /// teams, or one team in several languages, loads once.
    /// </summary>
    public async Task<(IReadOnlyList<TeamInput> Inputs, EvaluationSettings Settings)> InputsAsync(IReadOnlyList<ReportTeam> teams, EvaluationPeriod period,
        CancellationToken ct = default)
    {
        // Facts dated in a closed period but recorded after it closed count where they were recorded, as adjustments.
        var config = await settings.LoadAsync(ct) with
        {
            Closed = (await closedPeriods.ClosedPeriodsAsync(ct)).Select(c => new ClosedPeriod(c.Period, c.ClosedAt)).ToList(),
        };
        var reps = await RepInputsAsync(teams.SelectMany(t => t.Reps).Select(r => r.Id).Distinct().ToList(), period, config.Zone, ct);
        return (teams.Select(team => new TeamInput(team.Name, team.ManagerName, team.Reps.Select(r => reps[r.Id] with
        {
            Name = r.Name, Presence = team.Presence.GetValueOrDefault(r.Id),
        }).ToList())).ToList(), config);
    }

    /// <summary>Each rep's input for the period (the whole period: the team's <c>Presence</c> is set by the caller).</summary>
    private async Task<Dictionary<string, RepInput>> RepInputsAsync(List<string> repIds, EvaluationPeriod period, TimeZoneInfo zone, CancellationToken ct)
    {
        var from = ZonedTime.StartOfDay(period.Start, zone);
        var to = ZonedTime.StartOfDay(period.End, zone);
        var dealsQuery = db.Deals.AsNoTracking().Where(d => repIds.Contains(d.RepId) && d.CreatedAt < to && (d.ClosedAt == null || d.ClosedAt >= from));
        var deals = await dealsQuery.Select(d => new { d.Id, d.RepId, d.FlowDefinitionId, d.FlowVersion, d.Customer, d.Status }).ToListAsync(ct);
        var firstWins = await FirstWinsAsync(deals.Where(d => d.Status == DealStatus.Won).Select(d => d.Customer).Distinct().ToList(), ct);
        var dealIds = dealsQuery.Select(d => d.Id);
        var events = await EventsAsync(db.DealEvents.AsNoTracking().Where(e => dealIds.Contains(e.DealId)), ct);
        var ledger = (await db.ScoreEntries.AsNoTracking().Where(s => dealIds.Contains(s.DealId))
                .OrderBy(s => s.DealId).ThenBy(s => s.EventSequence).ThenBy(s => s.Kind).ToListAsync(ct))
            .ToLookup(s => s.RepId, s => new LedgerLine(s.DealId, new Engine.Scoring.ScoreEntry(s.EventSequence, s.RepId, s.StageKey, s.Kind, s.Points,
                s.Explanation, s.At, s.LateDays, s.Attribution, s.RatePerDay)));
        var flowCache = new Dictionary<(string, int), StageFlow?>();
        async Task<StageFlow?> Flow(string id, int version)
        {
            if (flowCache.TryGetValue((id, version), out var f)) return f;
            try { f = await flows.GetAsync(id, version, ct); }
            catch (KeyNotFoundException) { f = null; } // a flow version that is gone: stage keys are shown instead of names
            return flowCache[(id, version)] = f;
        }

        var ratings = (await db.RepRatings.AsNoTracking().Where(r => repIds.Contains(r.RepId) && r.At >= from && r.At < to).ToListAsync(ct)).ToLookup(r => r.RepId);
        var trainings = (await db.Trainings.AsNoTracking().Where(r => repIds.Contains(r.RepId) && r.At >= from && r.At < to).ToListAsync(ct)).ToLookup(r => r.RepId);
        var comments = (await db.EvaluationComments.AsNoTracking()
            .Where(c => repIds.Contains(c.RepId) && c.PeriodStart < period.End && c.PeriodEnd > period.Start).ToListAsync(ct)).ToLookup(c => c.RepId);
        var disputes = (await db.ScoreDisputes.AsNoTracking()
            .Where(d => repIds.Contains(d.RepId) && d.PeriodStart == period.Start && d.PeriodEnd == period.End).ToListAsync(ct)).ToLookup(d => d.RepId);
        var authorIds = comments.SelectMany(c => c).Select(c => c.AuthorId)
            .Concat(disputes.SelectMany(d => d).Where(d => d.AnsweredById != null).Select(d => d.AnsweredById!)).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var repTargets = await targets.ForPeriodAsync(repIds, period, ct);
        var dealsOfRep = deals.ToLookup(d => d.RepId);
        var reps = new Dictionary<string, RepInput>();
        foreach (var repId in repIds)
        {
            var histories = new List<DealHistory>();
            foreach (var d in dealsOfRep[repId])
                if (events.TryGetValue(d.Id, out var list))
                    histories.Add(new DealHistory(list, await Flow(d.FlowDefinitionId, d.FlowVersion)) { FirstWinOfCustomer = firstWins.Contains(d.Id) });
            reps[repId] = new RepInput(repId, repId, histories,
                ledger[repId].ToList(),
                ratings[repId].Select(r => new RatingInput(
                    r.Kind == RatingKinds.SolutionQuality ? RatingKind.SolutionQuality : RatingKind.CustomerFeedback, r.Score, r.DealId, r.At, r.Comment)).ToList(),
                trainings[repId].Select(t => new TrainingInput(t.Course, t.Hours, t.At)).ToList(),
                comments[repId].Select(c => new ManagerComment(authors.GetValueOrDefault(c.AuthorId, "—"), c.At, c.Comment)).ToList())
            {
                Targets = repTargets.GetValueOrDefault(repId) ?? [],
                Disputes = disputes[repId].OrderBy(d => d.AskedAt).Select(d => new DisputeLine(d.SubjectText, d.Question, d.AskedAt,
                    d.Status == Disputes.DisputeStatus.Answered, d.Answer, d.AnsweredById is null ? null : authors.GetValueOrDefault(d.AnsweredById, "—"),
                    d.AnsweredAt, d.Correction)).ToList(),
            };
        }
        return reps;
    }

    /// <summary>The events of the deals, in order, read in one streamed query.</summary>
    private static async Task<Dictionary<Guid, List<DealEvent>>> EventsAsync(IQueryable<Persistence.Records.DealEventRecord> rows, CancellationToken ct)
    {
        var events = new Dictionary<Guid, List<DealEvent>>();
        List<DealEvent>? list = null;
        var deal = Guid.Empty;
        await foreach (var e in rows.OrderBy(e => e.DealId).ThenBy(e => e.Sequence).Select(e => new { e.DealId, e.Type, e.Data }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (list is null || e.DealId != deal) events[deal = e.DealId] = list = [];
            list.Add(EvaluationEvents.Deserialize(e.Type, e.Data));
        }
        return events;
    }
}

public sealed partial class EvaluationLoader
{
    /// <summary>The deal that was each customer's first win with the company (any rep): a "new customer" for the evaluation.</summary>
    private async Task<HashSet<Guid>> FirstWinsAsync(IReadOnlyList<string> customers, CancellationToken ct)
    {
        var wins = new List<(Guid Id, string Customer, DateTimeOffset? At)>();
        foreach (var chunk in customers.Chunk(200))
            wins.AddRange((await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won && chunk.Contains(d.Customer))
                .Select(d => new { d.Id, d.Customer, d.ClosedAt }).ToListAsync(ct)).Select(d => (d.Id, d.Customer, d.ClosedAt)));
        return wins.GroupBy(w => w.Customer).Select(g => g.OrderBy(w => w.At).ThenBy(w => w.Id).First().Id).ToHashSet();
    }
}

/// <summary>The stored values of <c>RepRatingRecord.Kind</c>.</summary>
public static class RatingKinds
{
    public const string CustomerFeedback = "customer-feedback";
    public const string SolutionQuality = "solution-quality";
}
