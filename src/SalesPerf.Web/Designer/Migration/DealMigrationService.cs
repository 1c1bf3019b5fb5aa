using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Migration;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Flows;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Designer.Migration;

public sealed record DealMigrationRow(Guid DealId, string Title, string RepId, DealStatus Status, int Version, DealMigrationPlan Plan, decimal PointsKept);

/// <summary>Everything an admin sees before moving the running deals of one flow version to another.</summary>
public sealed record MigrationPreview(StageFlow From, StageFlow To, IReadOnlyList<DealMigrationRow> Deals,
    IReadOnlyList<string> StagesToMap, string Token)
{
    public bool CanMigrate => Deals.Count > 0 && Deals.All(d => d.Plan.CanMigrate);
}

public sealed record MigrationOutcome(MigrationPreview? Preview, string? Error, int Migrated = 0);

/// <summary>
/// Previews and runs the migration of running deals to a newer published version. All deals move in one database
/// transaction or none does; the preview's token makes sure what runs is what the admin looked at.
/// </summary>
public sealed class DealMigrationService(SalesPerfDbContext db, DealStore store, FlowCatalog flows, CalendarProvider calendars, TimeProvider clock)
{
    public async Task<MigrationOutcome> PreviewAsync(string definitionId, int fromVersion, int? toVersion, IReadOnlyDictionary<string, string> map,
        CancellationToken ct = default) => (await PlanAsync(definitionId, fromVersion, toVersion, map, ct)).Outcome;

    /// <summary>The preview and the deals it was made from (so a migration moves exactly those, without reading them again).</summary>
    private async Task<(MigrationOutcome Outcome, IReadOnlyList<DealState> Deals)> PlanAsync(string definitionId, int fromVersion, int? toVersion,
        IReadOnlyDictionary<string, string> map, CancellationToken ct)
    {
        var target = toVersion ?? await db.FlowDefinitions.Where(f => f.DefinitionId == definitionId && f.IsPublished).MaxAsync(f => (int?)f.Version, ct);
        if (target is null) return (new(null, $"Flow '{definitionId}' has no published version to migrate to."), []);
        if (target <= fromVersion) return (new(null, $"Deals can only move to a newer version than {fromVersion}."), []);
        var row = await db.FlowDefinitions.AsNoTracking().SingleOrDefaultAsync(f => f.DefinitionId == definitionId && f.Version == target, ct);
        if (row?.PublishedAt is null) return (new(null, $"Version {target} of '{definitionId}' has not been published: publish it before moving deals to it."), []);
        StageFlow from, to;
        try
        {
            from = await flows.GetAsync(definitionId, fromVersion, ct);
            to = await flows.GetAsync(definitionId, target.Value, ct);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidFlowException)
        {
            return (new(null, e.Message), []);
        }

        var running = await db.Deals.AsNoTracking()
            .Where(d => d.FlowDefinitionId == definitionId && d.FlowVersion == fromVersion && (d.Status == DealStatus.Active || d.Status == DealStatus.OnHold))
            .OrderBy(d => d.CreatedAt).Select(d => new { d.Id, d.Version }).ToListAsync(ct);
        var ids = running.Select(d => d.Id).ToList();
        var points = (await db.ScoreEntries.AsNoTracking().Where(s => ids.Contains(s.DealId)).Select(s => new { s.DealId, s.Points }).ToListAsync(ct))
            .GroupBy(s => s.DealId).ToDictionary(g => g.Key, g => g.Sum(s => s.Points));
        var loaded = new Dictionary<Guid, DealState>();
        foreach (var chunk in running.Chunk(500)) // folded in bulk, not one deal (two queries) at a time
            foreach (var state in await store.LoadManyAsync(chunk.Select(d => (d.Id, d.Version)).ToList(), ct))
                loaded[state.Id] = state;
        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow();
        var rows = new List<DealMigrationRow>();
        var deals = new List<DealState>();
        foreach (var id in ids)
        {
            if (loaded.GetValueOrDefault(id) is not { Current: not null } deal) continue;
            var plan = MigrationPlanner.Plan(deal, from, to, map, calendar, now);
            rows.Add(new(deal.Id, deal.Title, deal.RepId, deal.Status, deal.Version, plan, points.GetValueOrDefault(deal.Id)));
            deals.Add(deal);
        }
        var toMap = rows.Select(r => r.Plan.FromStageKey).Distinct().Where(k => to.Find(k) is null).Order().ToList();
        return (new(new MigrationPreview(from, to, rows, toMap, Token(to.Version, rows, map)), null), deals);
    }

    public async Task<MigrationOutcome> MigrateAsync(string definitionId, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> map,
        string token, AccessScope admin, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return new(null, "Only an admin moves deals to another flow version.");
        var (outcome, deals) = await PlanAsync(definitionId, fromVersion, toVersion, map, ct);
        if (outcome.Preview is not { } preview) return outcome;
        if (preview.Token != token)
            return outcome with { Error = "The deals changed since the preview (or the stage mapping differs): check the new preview and confirm again." };
        if (!preview.CanMigrate)
            return outcome with { Error = preview.Deals.Count == 0 ? "No running deal is on this version." : "Some deals cannot be moved yet: see the blockers." };

        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow();
        var transitions = new List<DealTransition>();
        foreach (var deal in deals)
        {
            var ctx = new DealContext(preview.From, calendar, now, admin.ActorFor(deal.RepId));
            var (transition, error) = DealTransition.Run(deal, new MigrateDeal(preview.To, map), ctx);
            if (error is not null) return outcome with { Error = $"Deal '{deal.Title}': {error.Message}" };
            transitions.Add(transition!);
        }
        try
        {
            await store.SaveAllAsync(transitions, ct: ct);
        }
        catch (DealConcurrencyException)
        {
            return outcome with { Error = "A deal changed while moving; nothing was moved. Check the new preview and confirm again." };
        }
        return new(preview, null, transitions.Count);
    }

    /// <summary>Identifies what the admin confirmed: the target, every deal at its version, and the mapping.</summary>
    private static string Token(int toVersion, IEnumerable<DealMigrationRow> rows, IReadOnlyDictionary<string, string> map)
    {
        var text = new StringBuilder().Append(toVersion);
        foreach (var r in rows) text.Append('|').Append(r.DealId).Append(':').Append(r.Version);
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append('|').Append(k).Append('>').Append(v);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
