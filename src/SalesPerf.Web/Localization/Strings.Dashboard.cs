namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Dashboard() =>
    [
        ("All teams", "全部团队"), ("All reps", "全部销售"), ("All stages", "全部阶段"), ("All customer types", "全部客户类型"),
        ("Last month", "近 1 个月"), ("Last {0} months", "近 {0} 个月"), ("{0} to {1}", "{0} 至 {1}"),
        ("Stage distribution", "阶段分布"), ("Open deals now, by current stage.", "当前进行中的商机，按所处阶段统计。"),
        ("Open", "进行中"), ("Waiting for approval", "待审批"), ("Number of deals", "商机数量"),
        ("Follow-up cycle", "跟进周期"), ("Median days between two follow-ups of the same deal, by week.", "同一商机相邻两次跟进间隔天数的中位数，按周统计。"),
        ("Median days between two follow-ups of the same deal, by month.", "同一商机相邻两次跟进间隔天数的中位数，按月统计。"),
        ("Week of", "周（起始日）"), ("Month", "月份"), ("Median days", "中位天数"), ("Intervals", "间隔数"),
        ("Stage conversion funnel", "阶段转化漏斗"), ("Of the deals started in the period: how many reached each stage, and how many were won.", "期间内新建的商机中：到达各阶段及赢单的数量。"),
        ("Reached", "到达数"), ("From previous step", "较上一步"), ("Won deals", "赢单"),
        ("Node completion and on-time rates", "节点完成率与按时率"),
        ("Completion: of the stages due or approved in the period, the share approved in it. On time: of the stages approved in the period, the share with no late days. As in the evaluation, a customer-caused wait the manager confirmed, or a deal on hold, is left out.",
            "完成率：期间内到期或通过的阶段中，在期间内获批的比例。按时率：期间内通过的阶段中，没有逾期的比例。与评估一致，经理确认的客户原因等待或商机暂停不计入。"),
        ("Completion rate", "完成率"), ("On-time rate", "按时率"), ("Team average completion", "团队平均完成率"), ("Team average on-time", "团队平均按时率"),
        ("Rate (%)", "比例（%）"), ("Follow-ups logged", "跟进次数"), ("Revisions", "退回次数"), ("Cycle time (days)", "阶段周期（天）"),
        ("Process indicators", "过程指标"), ("Rep comparison against the team average", "销售与团队平均对比"),
        ("Revisions: submissions sent back. Cycle time: mean days from a stage's start to its approval.", "退回次数：被退回的提交数。阶段周期：阶段开始到通过的平均天数。"),
        ("No data for this selection.", "所选范围内没有数据。"), ("Open the dashboard", "打开仪表盘"), ("Chart data as a table", "图表数据（表格）"),
        ("No deal in this selection has two follow-ups in the period yet.", "所选范围内还没有商机在期间内有两次跟进。"), ("Filter", "筛选"), ("Reset", "重置"),
    ];
}
