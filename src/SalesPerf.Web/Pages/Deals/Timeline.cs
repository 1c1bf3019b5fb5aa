using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Localization;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Deals;

/// <summary>One line of a deal's history: who, when, what (localized), and the user's own text, if any.</summary>
public sealed record TimelineEntry(int Sequence, DateTimeOffset At, string Actor, string What, string? Text, bool Bad, DealEvent Event);

/// <summary>Reads a deal's events and says in the viewer's language what each one was.</summary>
public sealed class Timeline(SalesPerfDbContext db, DealQueries queries, Loc l)
{
    public async Task<IReadOnlyList<TimelineEntry>> ForAsync(Guid dealId, StageFlow flow, CancellationToken ct = default)
    {
        var rows = await db.DealEvents.AsNoTracking().Where(e => e.DealId == dealId && e.Type != "dueFired")
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var names = await queries.RepNamesAsync(rows.Select(r => r.ActorId), ct);
        return rows.Select(r =>
        {
            var e = DealEventSerializer.Deserialize(r.Data);
            var (what, text, bad) = Describe(e, flow);
            return new TimelineEntry(r.Sequence, r.At, names.GetValueOrDefault(r.ActorId) ?? (r.ActorId == "system" ? l["System"] : r.ActorId), what, text, bad, e);
        }).ToList();
    }

    private (string What, string? Text, bool Bad) Describe(DealEvent e, StageFlow flow)
    {
        string S(string key) => flow.Find(key) is { } s ? l.Pick(s.Name) : key;
        string A(DelayAttribution a) => l[AttributionText(a)];
        return e switch
        {
            DealCreated c => (l["Created the deal (estimated value {0})", Loc.Money(c.EstimatedValue)], null, false),
            StageStarted s => (l[s.Reason == StageStartReason.SentBack ? "Stage “{0}” started again (run {1})" : "Stage “{0}” started", S(s.StageKey), s.Run]
                + " · " + l["due {0}", l.Time(s.Schedule.DueAt)], null, false),
            FollowUpLogged f => (l["Follow-up on {0}", l.Time(f.VisitedAt)], f.Content, false),
            DeliverableSubmitted s => (l["Submitted “{0}” (submission #{1})", S(s.StageKey), s.SubmissionNo], null, false),
            SubmissionApproved a => (l["Approved “{0}”", S(a.StageKey)] + (a.LateDays > 0 ? " · " + l["{0} day(s) late", a.LateDays] : ""), a.Comment, false),
            SubmissionSentBack b => (b.ToStageKey == b.StageKey ? l["Sent back “{0}” for changes", S(b.StageKey)]
                : l["Sent back from “{0}” to “{1}”", S(b.StageKey), S(b.ToStageKey)], b.Comment, true),
            DelayReasonRecorded d => (l["Delay reason for “{0}” ({1})", S(d.StageKey), A(d.Attribution)], d.Reason, true),
            DelayReclassified r => (l["Delay #{0} re-classified: {1} → {2}", r.DelayNo, A(r.From), A(r.To)], r.Comment, false),
            DelayConfirmed c => (l["Delay #{0} confirmed as {1}", c.DelayNo, A(c.Attribution)], c.Comment, false),
            ScoreAdjusted s => (l["Score corrected by {0} points", s.Points.ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture)], s.Reason, s.Points < 0),
            DealWon w => (l["Deal won (contract value {0})", Loc.Money(w.ContractValue)], w.Note, false),
            DealLost x => (l["Deal lost"], x.Reason, true),
            DealPutOnHold h => (l["Put on hold"], h.Reason, true),
            DealResumed => (l["Resumed"], null, false),
            _ => (e.GetType().Name, null, false),
        };
    }

    public static string AttributionText(DelayAttribution a) => a switch
    {
        DelayAttribution.Rep => "rep-caused",
        DelayAttribution.Customer => "customer-caused",
        _ => "other cause",
    };
}
