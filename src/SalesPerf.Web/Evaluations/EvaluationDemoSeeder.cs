using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Persistence;
using SalesPerf.Web.Persistence.Records;
using SalesPerf.Engine.Calendar;

namespace SalesPerf.Web.Evaluations;

/// <summary>
/// Fills the demo company's evaluation input, once: managers' ratings (customer feedback, solution quality per deal),
/// trainings and a comment per rep for each of the last months, and an HR account, so the demo reports are full.
/// </summary>
public sealed class EvaluationDemoSeeder(SalesPerfDbContext db, UserManager<AppUser> users, Flows.CalendarProvider calendars, CalendarToday calendarToday, ILogger<EvaluationDemoSeeder> log)
{
    public const string HrEmail = "hr@salesperf.local";

    private static readonly string[] Courses = ["客户开发与拜访技巧", "电力行业方案基础", "商务谈判", "Time management", "储能项目解读"];
    private static readonly string[] CommentsZh =
    [
        "本月跟进节奏稳定，需求分析报告质量好；注意方案演示前与技术团队提前对齐。",
        "客户关系维护到位，合同谈判阶段推进偏慢，下月重点跟进报价反馈。",
        "新客户开发不足，建议参加客户开发培训，并每周至少安排两次拜访。",
        "延误多为客户资料不到位，已确认为客户原因；自身节点按时率良好。",
    ];

    public async Task SeedAsync(string demoPassword, CancellationToken ct = default)
    {
        if (await db.RepRatings.AnyAsync(ct) || await db.EvaluationComments.AnyAsync(ct)) return;
        var teams = await db.Teams.AsNoTracking().Where(t => t.ManagerId != null).ToListAsync(ct);
        if (teams.Count == 0) return;
        var today = calendarToday.Date;
        var random = new Random(2026);
        foreach (var team in teams)
        {
            var reps = await db.Users.AsNoTracking().Where(u => u.TeamId == team.Id && u.Id != team.ManagerId).Select(u => u.Id).ToListAsync(ct);
            foreach (var rep in reps)
            {
                for (var m = 1; m <= 3; m++)
                {
                    var month = ReportPeriod.LastMonth(today.AddMonths(-(m - 1)));
                    var when = ZonedTime.StartOfDay(month.Start.AddDays(random.Next(3, 25)), calendars.Zone).AddHours(6);
                    var from = ZonedTime.StartOfDay(month.Start, calendars.Zone);
                    var to = ZonedTime.StartOfDay(month.End, calendars.Zone);
                    var deals = await db.Deals.AsNoTracking().Where(d => d.RepId == rep && d.CreatedAt < to && (d.ClosedAt == null || d.ClosedAt >= from))
                        .OrderBy(d => d.CreatedAt).Select(d => d.Id).Take(2).ToListAsync(ct);
                    foreach (var dealId in deals.Count > 0 ? deals.Cast<Guid?>() : [null])
                    {
                        db.RepRatings.Add(new RepRatingRecord { Id = Guid.NewGuid(), RepId = rep, DealId = dealId, Kind = RatingKinds.CustomerFeedback,
                            Score = 3 + random.Next(0, 3), Comment = "客户回访", RatedById = team.ManagerId!, At = when });
                        db.RepRatings.Add(new RepRatingRecord { Id = Guid.NewGuid(), RepId = rep, DealId = dealId, Kind = RatingKinds.SolutionQuality,
                            Score = 2 + random.Next(0, 4), Comment = "技术团队评审", RatedById = team.ManagerId!, At = when });
                    }
                    if (random.Next(0, 3) > 0)
                        db.Trainings.Add(new TrainingRecord { Id = Guid.NewGuid(), RepId = rep, Course = Courses[random.Next(Courses.Length)],
                            Hours = 2 + random.Next(0, 7), At = when, RecordedById = team.ManagerId! });
                    db.EvaluationComments.Add(new EvaluationCommentRecord { Id = Guid.NewGuid(), RepId = rep, PeriodStart = month.Start, PeriodEnd = month.End,
                        Comment = CommentsZh[random.Next(CommentsZh.Length)], AuthorId = team.ManagerId!, At = ZonedTime.StartOfDay(month.End, calendars.Zone).AddHours(2) });
                }
            }
        }
        await db.SaveChangesAsync(ct);
        if (await users.FindByEmailAsync(HrEmail) is null)
        {
            var hr = new AppUser { UserName = HrEmail, Email = HrEmail, EmailConfirmed = true, DisplayName = "人力资源 HR", Culture = "zh-CN" };
            if ((await users.CreateAsync(hr, demoPassword)).Succeeded) await users.AddToRoleAsync(hr, Roles.Hr);
        }
        log.LogInformation("Demo evaluation input: ratings, trainings and comments for the last three months; HR account {Hr}", HrEmail);
    }
}
