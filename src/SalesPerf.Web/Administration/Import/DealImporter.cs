using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Pages.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Administration.Import;

public sealed record ImportProblem(int Row, string Message);

/// <summary>What an import found: the file's own errors, every bad row with its reason, and whether anything was written.</summary>
public sealed record ImportReport(ImportKind Kind, int Rows, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> FileErrors, bool Written)
{
    public bool Clean => FileErrors.Count == 0 && Problems.Count == 0;
}

/// <summary>
/// Imports deals or follow-ups through the real <see cref="DealService"/> (so every deal gets its events and history):
/// every row is checked and decided by the engine; a dry run stops there, and the import writes all transitions in one
/// transaction only when no row has a problem, so nothing is ever half-imported.
/// </summary>
public sealed class DealImporter(SalesPerfDbContext db, DealService deals, DealStore store, CustomerTypeNames customerTypes, Loc l)
{
    public async Task<ImportReport> RunAsync(Sheet sheet, ImportKind kind, AccessScope scope, bool write, CancellationToken ct = default)
    {
        if (sheet.Errors.Count > 0) return new(kind, sheet.Rows.Count, [], sheet.Errors, false);
        var problems = new List<ImportProblem>();
        var batch = new List<(int Row, BatchItem Item)>();
        if (kind == ImportKind.Deals) await DealsAsync(sheet.Rows, problems, batch, ct);
        else await FollowUpsAsync(sheet.Rows, scope, problems, batch, ct);
        // The engine decides every well-formed row even when others are bad, so the report lists every problem at once.
        var writeNow = write && problems.Count == 0;
        IReadOnlyList<DealError?> errors;
        try
        {
            errors = await deals.RunBatchAsync(batch.Select(b => b.Item).ToList(), scope, writeNow, ct);
        }
        catch (DealConcurrencyException)
        {
            return new(kind, sheet.Rows.Count, [], [l["Some of these deals were changed while importing; nothing was written. Check the file again."]], false);
        }
        for (var i = 0; i < errors.Count; i++)
            if (errors[i] is { } error) problems.Add(new(batch[i].Row, Describe(error)));
        var written = writeNow && problems.Count == 0 && batch.Count > 0;
        return new(kind, sheet.Rows.Count, problems.OrderBy(p => p.Row).ToList(), [], written);
    }

    private async Task DealsAsync(IReadOnlyList<SheetRow> rows, List<ImportProblem> problems, List<(int, BatchItem)> batch, CancellationToken ct)
    {
        var types = (await customerTypes.GetAsync(ct)).Active; // the catalog DealService checks new deals against
        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var byEmail = people.Where(p => p.NormalizedEmail != null).ToDictionary(p => p.NormalizedEmail!, p => p.Id);
        var titles = rows.Select(r => r.Get("title")).Where(t => t.Length > 0).Distinct().ToList();
        var existing = (await db.Deals.AsNoTracking().Where(d => titles.Contains(d.Title)).Select(d => new { d.Title, d.Customer }).ToListAsync(ct))
            .Select(d => Key(d.Title, d.Customer)).ToHashSet();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            var title = row.Get("title");
            var customer = row.Get("customer");
            if (title.Length == 0) reasons.Add(l["The deal title is missing."]);
            else if (title.Length > 200) reasons.Add(l["The deal title is longer than 200 characters."]);
            if (customer.Length == 0) reasons.Add(l["The customer is missing."]);
            else if (customer.Length > 200) reasons.Add(l["The customer is longer than 200 characters."]);
            var typeText = row.Get("customerType");
            var type = CustomerTypeCatalog.Match(types, typeText);
            string? typeKey = type?.Key ?? (types.Count == 0 && typeText.Length > 0 ? typeText : null);
            if (typeKey is null)
                reasons.Add(typeText.Length == 0 ? l["The customer type is missing."]
                    : l["Unknown customer type \"{0}\" (known: {1}).", typeText, string.Join(", ", types.Select(CustomerTypeCatalog.Name))]);
            var email = row.Get("repEmail");
            string? repId = null;
            if (email.Length == 0) reasons.Add(l["The rep's email is missing."]);
            else if (!byEmail.TryGetValue(email.ToUpperInvariant(), out repId)) reasons.Add(l["Unknown rep email \"{0}\".", email]);
            decimal? value = null;
            var valueText = row.Get("estimatedValue");
            if (valueText.Length > 0)
            {
                if (!ImportValues.TryMoney(valueText, out var v)) reasons.Add(l["The estimated value \"{0}\" is not a number.", valueText]);
                else if (v < 0) reasons.Add(l["The estimated value cannot be negative."]);
                else value = v;
            }
            if (title.Length > 0 && customer.Length > 0)
            {
                var key = Key(title, customer);
                if (seen.TryGetValue(key, out var first)) reasons.Add(l["Duplicate: the same deal and customer as row {0}.", first]);
                else seen[key] = row.Number;
                if (existing.Contains(key)) reasons.Add(l["Duplicate: a deal with this title and customer already exists."]);
            }
            if (reasons.Count > 0) { problems.Add(new(row.Number, string.Join(" ", reasons))); continue; }

            batch.Add((row.Number, BatchItem.New(new CreateDealRequest(title, customer, typeKey, repId, value, null))));
        }
    }

    private async Task FollowUpsAsync(IReadOnlyList<SheetRow> rows, AccessScope scope, List<ImportProblem> problems, List<(int, BatchItem)> batch, CancellationToken ct)
    {
        var titles = rows.Select(r => r.Get("deal")).Where(t => t.Length > 0).Distinct().ToList();
        var candidates = await scope.VisibleDeals(db.Deals.AsNoTracking()).Where(d => titles.Contains(d.Title))
            .Select(d => new { d.Id, d.Version, d.Title, d.Customer }).ToListAsync(ct);
        // The candidate deals' states (for follow-ups already on them) in one query, not one load per row.
        var states = (await store.LoadManyAsync(candidates.Select(d => (d.Id, d.Version)).ToList(), ct)).ToDictionary(s => s.Id);
        var seen = new Dictionary<(Guid, DateTimeOffset, string), int>();
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            var title = row.Get("deal");
            var customer = row.Get("customer");
            Guid? dealId = null;
            if (title.Length == 0) reasons.Add(l["The deal title is missing."]);
            else
            {
                var matches = candidates.Where(d => string.Equals(d.Title, title, StringComparison.OrdinalIgnoreCase)
                                                    && (customer.Length == 0 || string.Equals(d.Customer, customer, StringComparison.OrdinalIgnoreCase))).ToList();
                if (matches.Count == 0) reasons.Add(customer.Length == 0 ? l["Unknown deal \"{0}\".", title] : l["Unknown deal \"{0}\" of customer \"{1}\".", title, customer]);
                else if (matches.Count > 1) reasons.Add(l["{0} deals are called \"{1}\": add the customer column to tell them apart.", matches.Count, title]);
                else dealId = matches[0].Id;
            }
            var whenText = row.Get("visitedAt");
            DateTimeOffset? visitedAt = null;
            if (whenText.Length == 0) reasons.Add(l["The follow-up time is missing."]);
            else if (!ImportValues.TryTime(whenText, out var local)) reasons.Add(l["\"{0}\" is not a date (use 2026-03-02 14:30).", whenText]);
            else visitedAt = l.FromLocal(local);
            var content = row.Get("content");
            if (content.Length == 0) reasons.Add(l["What happened is missing."]);
            else if (content.Length > 4000) reasons.Add(l["What happened is longer than 4000 characters."]);
            DateOnly? nextDate = null;
            var nextText = row.Get("nextStepDate");
            if (nextText.Length > 0)
            {
                if (ImportValues.TryDate(nextText, out var d)) nextDate = d;
                else reasons.Add(l["\"{0}\" is not a date (use 2026-03-02 14:30).", nextText]);
            }
            if (dealId is { } id && visitedAt is { } at && content.Length > 0)
            {
                if (seen.TryGetValue((id, at, content), out var first)) reasons.Add(l["Duplicate: the same follow-up as row {0}.", first]);
                else seen[(id, at, content)] = row.Number;
                if (states.GetValueOrDefault(id)?.FollowUps.Any(f => f.VisitedAt == at && f.Content == content) == true)
                    reasons.Add(l["Duplicate: this follow-up is already on the deal."]);
            }
            if (reasons.Count > 0) { problems.Add(new(row.Number, string.Join(" ", reasons))); continue; }

            var needs = row.Get("customerNeeds");
            var next = row.Get("nextStep");
            batch.Add((row.Number, BatchItem.On(dealId!.Value,
                new LogFollowUp(visitedAt!.Value, content, needs.Length > 0 ? needs : null, next.Length > 0 ? next : null, nextDate))));
        }
    }

    private string Describe(DealError error)
    {
        var fields = ErrorText.Fields(error, l).Select(f => f.Message).ToList();
        return fields.Count > 0 ? string.Join(" ", fields) : ErrorText.For(error, l);
    }

    private static string Key(string title, string customer) => $"{title.Trim().ToUpperInvariant()}\u001f{customer.Trim().ToUpperInvariant()}";
}
