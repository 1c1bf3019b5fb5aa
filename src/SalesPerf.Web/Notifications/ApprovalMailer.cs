using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Deals;
using SalesPerf.Web.Deals.Notices;
using SalesPerf.Web.Flows;

namespace SalesPerf.Web.Notifications;

/// <summary>A submission waiting for a decision calls for a mail to its approvers (recorded with the submission).</summary>
public sealed class ApprovalNoticeRule : IDealNoticeRule
{
    public const string Kind = "approval-request";

    public DealNotice? NoticeFor(DealTransition transition)
    {
        if (transition.Events.Select(e => e.Event).OfType<DeliverableSubmitted>().FirstOrDefault() is not { } submitted) return null;
        var deal = transition.After;
        if (deal.Current is not { Status: StageRunStatus.Submitted }) return null; // approved on submission: nothing to decide
        return new DealNotice(Kind, $"approval:{deal.Id:N}:{submitted.SubmissionNo}", submitted.SubmissionNo.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Mails each approver of a submission its summary and signed links. Runs in the background worker shortly after the
/// submission; a submission decided in the meantime needs no mail any more.
/// </summary>
public sealed class ApprovalMailer(DealStore deals, Outbox outbox, Recipients recipients, ApprovalLinks links, FlowCatalog flows, MailTemplates templates,
    DealMailContext context) : IDealNoticeHandler
{
    public string Kind => ApprovalNoticeRule.Kind;

    public async Task HandleAsync(Guid dealId, string data, CancellationToken ct)
    {
        var submissionNo = int.Parse(data, CultureInfo.InvariantCulture);
        var deal = await deals.LoadAsync(dealId, ct);
        if (deal?.Current is not { Status: StageRunStatus.Submitted, Pending: { } pending } run || pending.SubmissionNo != submissionNo) return;
        var flow = await flows.GetAsync(deal.FlowDefinitionId, deal.FlowVersion, ct);
        var stage = flow[run.StageKey];
        var rep = await recipients.UserAsync(deal.RepId, ct);
        foreach (var approver in await recipients.ApproversAsync(deal.RepId, stage.Approval, ct))
        {
            if (string.IsNullOrEmpty(approver.Email)) continue;
            var token = await links.CreateTokenAsync(deal.Id, submissionNo, approver.Id, run.StageKey, run.Run, ct);
            var values = context.Values(deal, stage, approver, rep?.DisplayName ?? "", run.Schedule.DueAt);
            values["decideLink"] = links.UrlFor(token);
            values["summary"] = Summary(stage, pending.Deliverable, approver.Culture, html: false);
            var mail = templates.Render("approval-request", approver.Culture, values,
                new Dictionary<string, string> { ["summary"] = Summary(stage, pending.Deliverable, approver.Culture, html: true) });
            await outbox.EnqueueAsync(new OutboxMessageRecord
            {
                DedupKey = $"approval:{deal.Id:N}:{submissionNo}:{approver.Id}", Kind = "approval-request", RecipientId = approver.Id,
                ToAddress = approver.Email, ToName = approver.DisplayName, Subject = mail.Subject, TextBody = mail.Text, HtmlBody = mail.Html, DealId = deal.Id,
            }, ct);
        }
    }

    /// <summary>The submitted fields, ticked items and file names, as the approver reads them.</summary>
    public static string Summary(Stage stage, Deliverable d, string? culture, bool html)
    {
        var sb = new StringBuilder(html ? "<table style=\"border-collapse:collapse\">" : "");
        foreach (var field in stage.Criteria)
        {
            var value = field.Type switch
            {
                FieldType.Checklist => string.Join(", ", (d.Checked.GetValueOrDefault(field.Key) ?? []).Select(v => field.Options.FirstOrDefault(o => o.Value == v)?.Label.For(culture) ?? v)),
                FieldType.File => string.Join(", ", d.Files.Where(f => f.FieldKey == field.Key).Select(f => f.FileName)),
                FieldType.Choice => d.Values.GetValueOrDefault(field.Key) is { } v ? field.Options.FirstOrDefault(o => o.Value == v)?.Label.For(culture) ?? v : "",
                _ => d.Values.GetValueOrDefault(field.Key) is { } v ? v + (field.Unit is null ? "" : " " + field.Unit) : "",
            };
            if (value.Length > 400) value = value[..400] + "…";
            var label = field.Label.For(culture);
            sb.Append(html
                ? $"<tr><th style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0\">{HtmlEncoder.Default.Encode(label)}</th><td style=\"padding:4px 0\">{HtmlEncoder.Default.Encode(value)}</td></tr>"
                : $"- {label}: {value}\n");
        }
        return html ? sb.Append("</table>").ToString() : sb.ToString();
    }
}
