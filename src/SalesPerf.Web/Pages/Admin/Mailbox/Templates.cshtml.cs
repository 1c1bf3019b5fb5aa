using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesPerf.Web.Notifications;

namespace SalesPerf.Web.Pages.Admin.Mailbox;

/// <summary>Every mail template in both languages, rendered with sample values.</summary>
[Authorize(Roles = Accounts.Roles.Admin)]
public sealed class TemplatesModel(MailTemplates templates) : PageModel
{
    public IReadOnlyList<(string Kind, string Culture, RenderedMail Mail)> Rendered { get; private set; } = [];

    public void OnGet()
    {
        var sample = new Dictionary<string, string>
        {
            ["recipient"] = "张伟", ["rep"] = "张伟", ["deal"] = "国网河北电力 配电网改造", ["customer"] = "国网河北电力",
            ["stage"] = "需求分析报告 Needs-analysis report", ["due"] = "2026-03-09 17:00 (UTC+08:00)", ["link"] = "http://localhost:5080/",
            ["decideLink"] = "http://localhost:5080/MailLinks/Decide?t=sample", ["overdueDays"] = "3", ["kind"] = "Reminder",
            ["summary"] = "- 用电负荷 Load profile: 峰值 8.5 MW\n",
        };
        var html = new Dictionary<string, string> { ["summary"] = "<table><tr><th>用电负荷 Load profile</th><td>峰值 8.5 MW</td></tr></table>" };
        Rendered = [.. from kind in MailTemplates.Kinds from culture in MailTemplates.Cultures select (kind, culture, templates.Render(kind, culture, sample, html))];
    }
}
