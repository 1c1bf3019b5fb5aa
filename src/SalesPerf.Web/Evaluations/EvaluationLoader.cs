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
        // Facts dated in a closed period but recorded after it closed count where they were recorded, as adjustments.
        var config = await settings.LoadAsync(ct) with
        {
            Closed = (await closedPeriods.ClosedPeriodsAsync(ct)).Select(c => new ClosedPeriod(c.Period, c.ClosedAt)).ToList(),
        };
        var input = await InputAsync(team, period, config.Zone, ct);
        return Evaluator.EvaluateTeam(input, period, language, config);
    }

    private async Task<TeamInput> InputAsync(ReportTeam team, EvaluationPeriod period, TimeZoneInfo zone, CancellationToken ct)
    {
        var from = ZonedTime.StartOfDay(period.Start, zone);
        var to = ZonedTime.StartOfDay(period.End, zone);
        var repIds = team.Reps.Select(r => r.Id).ToList();
        var deals = await db.Deals.AsNoTracking()
            .Where(d => repIds.Contains(d.RepId) && d.CreatedAt < to && (d.ClosedAt == null || d.ClosedAt >= from))
            .Select(d => new { d.Id, d.RepId, d.FlowDefinitionId, d.FlowVersion, d.Customer, d.Status }).ToListAsync(ct);
        var firstWins = await FirstWinsAsync(deals.Where(d => d.Status == DealStatus.Won).Select(d => d.Customer).Distinct().ToList(), ct);
        var events = new Dictionary<Guid, List<DealEvent>>();
        var ledger = new List<(string RepId, LedgerLine Line)>();
        foreach (var chunk in deals.Chunk(200))
        {
            var ids = chunk.Select(d => d.Id).ToList();
            foreach (var e in await db.DealEvents.AsNoTracking().Where(e => ids.Contains(e.DealId)).OrderBy(e => e.DealId).ThenBy(e => e.Sequence)
                         .Select(e => new { e.DealId, e.Data }).ToListAsync(ct))
            {
                if (!events.TryGetValue(e.DealId, out var list)) events[e.DealId] = list = [];
                list.Add(DealEventSerializer.Deserialize(e.Data));
            }
            foreach (var s in await db.ScoreEntries.AsNoTracking().Where(s => ids.Contains(s.DealId)).ToListAsync(ct))
                ledger.Add((s.RepId, new LedgerLine(s.DealId, new Engine.Scoring.ScoreEntry(s.EventSequence, s.RepId, s.StageKey, s.Kind, s.Points,
                    s.Explanation, s.At, s.LateDays, s.Attribution, s.RatePerDay))));
        }
        var flowCache = new Dictionary<(string, int), StageFlow?>();
        async Task<StageFlow?> Flow(string id, int version)
        {
            if (flowCache.TryGetValue((id, version), out var f)) return f;
            try { f = await flows.GetAsync(id, version, ct); }
            catch (KeyNotFoundException) { f = null; } // a flow version that is gone: stage keys are shown instead of names
            return flowCache[(id, version)] = f;
        }

        var ratings = await db.RepRatings.AsNoTracking().Where(r => repIds.Contains(r.RepId) && r.At >= from && r.At < to).ToListAsync(ct);
        var trainings = await db.Trainings.AsNoTracking().Where(r => repIds.Contains(r.RepId) && r.At >= from && r.At < to).ToListAsync(ct);
        var comments = await db.EvaluationComments.AsNoTracking()
            .Where(c => repIds.Contains(c.RepId) && c.PeriodStart < period.End && c.PeriodEnd > period.Start).ToListAsync(ct);
        var disputes = await db.ScoreDisputes.AsNoTracking()
            .Where(d => repIds.Contains(d.RepId) && d.PeriodStart == period.Start && d.PeriodEnd == period.End).ToListAsync(ct);
        var authorIds = comments.Select(c => c.AuthorId).Concat(disputes.Where(d => d.AnsweredById != null).Select(d => d.AnsweredById!)).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var repTargets = await targets.ForPeriodAsync(repIds, period, ct);
        var reps = new List<RepInput>();
        foreach (var (repId, name) in team.Reps)
        {
            var histories = new List<DealHistory>();
            foreach (var d in deals.Where(d => d.RepId == repId))
                if (events.TryGetValue(d.Id, out var list))
                    histories.Add(new DealHistory(list, await Flow(d.FlowDefinitionId, d.FlowVersion)) { FirstWinOfCustomer = firstWins.Contains(d.Id) });
            reps.Add(new RepInput(repId, name, histories,
                ledger.Where(l => l.RepId == repId).Select(l => l.Line).ToList(),
                ratings.Where(r => r.RepId == repId).Select(r => new RatingInput(
                    r.Kind == RatingKinds.SolutionQuality ? RatingKind.SolutionQuality : RatingKind.CustomerFeedback, r.Score, r.DealId, r.At, r.Comment)).ToList(),
                trainings.Where(t => t.RepId == repId).Select(t => new TrainingInput(t.Course, t.Hours, t.At)).ToList(),
                comments.Where(c => c.RepId == repId).Select(c => new ManagerComment(authors.GetValueOrDefault(c.AuthorId, "—"), c.At, c.Comment)).ToList())
            {
                Targets = repTargets.GetValueOrDefault(repId) ?? [],
                Presence = team.Presence.GetValueOrDefault(repId),
                Disputes = disputes.Where(d => d.RepId == repId).OrderBy(d => d.AskedAt).Select(d => new DisputeLine(d.SubjectText, d.Question, d.AskedAt,
                    d.Status == Disputes.DisputeStatus.Answered, d.Answer, d.AnsweredById is null ? null : authors.GetValueOrDefault(d.AnsweredById, "—"),
                    d.AnsweredAt, d.Correction)).ToList(),
            });
        }
        return new TeamInput(team.Name, team.ManagerName, reps);
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
