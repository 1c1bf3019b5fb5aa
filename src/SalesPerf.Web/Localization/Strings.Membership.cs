namespace SalesPerf.Web.Localization;

/// <summary>Team membership history: the user page's history table and the reports' part-period and not-scored notes.</summary>
public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Membership() =>
    [
        ("Team history", "团队经历"), ("Joined", "加入日期"), ("Left", "离开日期"), ("still in it", "至今"),
        ("before the history was kept", "记录开始之前"), ("No team history yet.", "暂无团队经历。"), ("(team deleted)", "（团队已删除）"),
        ("Work counts for the team the person was in when they did it; a team's manager reads the reports of the periods the person was in the team.",
            "工作业绩计入当时所在的团队；团队经理可查看该人员在本团队期间的评估报告。"),
        ("A change of team takes effect today: the old team keeps the days until yesterday.", "更换团队自今天起生效：原团队保留截至昨天的记录。"),
        ("In this team {0} – {1} only: judged on that part of the period.", "本期仅 {0} 至 {1} 在本团队：只按这段时间评估。"),
        ("Not scored: nothing was expected in this period.", "不计分：本期没有考核要求。"), ("not scored", "不计分"),
    ];
}
