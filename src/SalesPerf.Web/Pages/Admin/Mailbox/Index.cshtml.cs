using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Notifications;
using SalesPerf.Web.Persistence;

namespace SalesPerf.Web.Pages.Admin.Mailbox;

/// <summary>
/// The in-app mailbox: every queued and sent mail, rendered, with working links — with no SMTP server configured this
/// is where a new user finds the approval mail and tries the whole loop locally.
/// </summary>
[Authorize(Roles = Accounts.Roles.Admin)]
public sealed class IndexModel(SalesPerfDbContext db, MailSender sender, SalesPerf.Web.Deals.Notices.NoticeDispatcher notices) : PageModel
{
    public IReadOnlyList<OutboxMessageRecord> Messages { get; private set; } = [];
    public OutboxMessageRecord? Selected { get; private set; }
    public bool SmtpConfigured => sender.IsConfigured;

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        await notices.DispatchAsync(ct: ct); // a submission made a moment ago shows its approval mail already
        Messages = await db.Set<OutboxMessageRecord>().AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).Take(200).ToListAsync(ct);
        Selected = id is { } wanted ? await db.Set<OutboxMessageRecord>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == wanted, ct) : Messages.FirstOrDefault();
    }
}
