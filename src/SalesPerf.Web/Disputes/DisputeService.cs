using Microsoft.EntityFrameworkCore;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Evaluation;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Disputes;

/// <summary>What the rep questions: which line, and how it read.</summary>
public sealed record DisputeSubject(string Kind, string Key, string Text, Guid? DealId = null, int? EventSequence = null);

/// <summary>An optional correction with the answer: points on a deal (an adjustment line), or a delay's attribution decided again.</summary>
public sealed record DisputeCorrection(Guid DealId, decimal? Points = null, int? DelayNo = null, DelayAttribution? Attribution = null);

public enum DisputeError { None, NotFound, Forbidden, Invalid, Conflict }

public sealed record DisputeResult(DisputeError Error, string? Message = null, ScoreDisputeRecord? Dispute = null)
{
    public bool Ok => Error == DisputeError.None;
}

/// <summary>
/// Disputes: the rep questions a line of their own evaluation; their manager (or an admin) answers, optionally correcting
/// through the normal deal commands (<see cref="AdjustScore"/>, <see cref="ReclassifyDelay"/>). Each dispute is answered
/// once (a second answer is a conflict). Reps see their own, managers their reps', HR and admins all.
/// </summary>
public sealed class DisputeService(SalesPerfDbContext db, DealService deals, TimeProvider clock)
{
    public const int MinText = 5, MaxText = 2000;
    public static readonly string[] Kinds = ["indicator", "deduction", "delay", "total"];

    public IQueryable<ScoreDisputeRecord> Visible(AccessScope scope)
    {
        var all = db.ScoreDisputes.AsNoTracking();
        if (Evaluations.ReportAccess.ReadsAll(scope)) return all;
        var managed = scope.ManagedRepIds.ToList();
        return all.Where(d => d.RepId == scope.UserId || managed.Contains(d.RepId));
    }

    public async Task<IReadOnlyList<ScoreDisputeRecord>> ForRepAsync(AccessScope scope, string repId, EvaluationPeriod period, CancellationToken ct) =>
        (await Visible(scope).Where(d => d.RepId == repId && d.PeriodStart == period.Start && d.PeriodEnd == period.End).ToListAsync(ct))
        .OrderBy(d => d.Status == DisputeStatus.Open ? 0 : 1).ThenBy(d => d.AskedAt).ToList();

    public async Task<DisputeResult> AskAsync(AccessScope scope, EvaluationPeriod period, DisputeSubject subject, string? question, CancellationToken ct)
    {
        if (!scope.Roles.Contains(Roles.Rep)) return new(DisputeError.Forbidden, "Only a rep questions their own evaluation.");
        if (!Kinds.Contains(subject.Kind) || subject.Key.Length is 0 or > 200) return new(DisputeError.Invalid, "Choose the line you question.");
        if (TextError(question) is { } error) return new(DisputeError.Invalid, error);
        var repId = scope.UserId;
        if (await db.ScoreDisputes.AnyAsync(d => d.RepId == repId && d.PeriodStart == period.Start && d.PeriodEnd == period.End
                                                 && d.SubjectKey == subject.Key && d.Status == DisputeStatus.Open, ct))
            return new(DisputeError.Conflict, "You already questioned this line; wait for the answer.");
        var record = new ScoreDisputeRecord
        {
            Id = Guid.CreateVersion7(), RepId = repId, PeriodStart = period.Start, PeriodEnd = period.End, SubjectKind = subject.Kind,
            SubjectKey = subject.Key, DealId = subject.DealId, EventSequence = subject.EventSequence,
            SubjectText = subject.Text.Length > 1000 ? subject.Text[..1000] : subject.Text, Question = question!.Trim(),
            AskedById = scope.UserId, AskedAt = clock.GetUtcNow(),
        };
        db.ScoreDisputes.Add(record);
        await db.SaveChangesAsync(ct);
        return new(DisputeError.None, Dispute: record);
    }

    public async Task<DisputeResult> AnswerAsync(AccessScope scope, Guid id, string? answer, DisputeCorrection? correction, CancellationToken ct)
    {
        var dispute = await db.ScoreDisputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dispute is null || !(scope.CanSee(dispute.RepId) || Evaluations.ReportAccess.ReadsAll(scope))) return new(DisputeError.NotFound);
        if (!scope.CanManage(dispute.RepId) || dispute.RepId == scope.UserId) return new(DisputeError.Forbidden, "Only the rep's manager or an admin answers a dispute.");
        if (dispute.Status != DisputeStatus.Open) return new(DisputeError.Conflict, "This dispute has already been answered.");
        if (TextError(answer) is { } error) return new(DisputeError.Invalid, error);
        var text = answer!.Trim();

        // Claim the dispute first, so of two managers answering at once only one answers (and corrects).
        var now = clock.GetUtcNow();
        var claimed = await db.ScoreDisputes.Where(d => d.Id == id && d.Status == DisputeStatus.Open).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, DisputeStatus.Answered).SetProperty(d => d.Answer, text).SetProperty(d => d.AnsweredById, scope.UserId)
            .SetProperty(d => d.AnsweredAt, now), ct);
        if (claimed == 0) return new(DisputeError.Conflict, "This dispute has already been answered.");
        if (correction is null) return new(DisputeError.None);

        var result = await CorrectAsync(scope, dispute, correction, text, ct);
        if (result.Error != DisputeError.None)
        {
            // Nothing was corrected: the dispute stays open, so the manager can answer again.
            await db.ScoreDisputes.Where(d => d.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DisputeStatus.Open).SetProperty(d => d.Answer, (string?)null)
                .SetProperty(d => d.AnsweredById, (string?)null).SetProperty(d => d.AnsweredAt, (DateTimeOffset?)null), ct);
            return result;
        }
        await db.ScoreDisputes.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Correction, result.Message), ct);
        return new(DisputeError.None);
    }

    /// <summary>Runs the correction as the manager's deal command; the result's message is the correction in words.</summary>
    private async Task<DisputeResult> CorrectAsync(AccessScope scope, ScoreDisputeRecord dispute, DisputeCorrection c, string reason, CancellationToken ct)
    {
        var deal = await deals.GetAsync(c.DealId, scope, ct);
        if (deal is null || deal.RepId != dispute.RepId) return new(DisputeError.Invalid, "Choose one of the rep's deals.");
        DealCommand? command = c.Points is { } points ? new AdjustScore(points, reason, $"dispute {dispute.Id.ToString()[..8]}")
            : c is { DelayNo: { } no, Attribution: { } a } ? new ReclassifyDelay(no, a, reason) : null;
        if (command is null) return new(DisputeError.Invalid, "Say what to correct: points, or a delay's attribution.");
        var outcome = await deals.ExecuteAsync(c.DealId, command, scope, ct);
        if (outcome.Error is { } e) return new(e.Kind == DealErrorKind.Conflict ? DisputeError.Conflict : DisputeError.Invalid, e.Message);
        if (outcome.NotFound) return new(DisputeError.NotFound);
        return new(DisputeError.None, c.Points is { } p
            ? $"{p.ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture)} · {deal.Title}"
            : $"#{c.DelayNo} → {c.Attribution} · {deal.Title}");
    }

    private static string? TextError(string? text) =>
        text?.Trim() is { Length: >= MinText and <= MaxText } ? null : "Write between 5 and 2000 characters.";
}
