using System.Collections.Frozen;

namespace SalesPerf.Web.Localization;

/// <summary>The portal's Chinese text, keyed by the English text. Each feature keeps its strings in its own partial file.</summary>
public static partial class Strings
{
    public static readonly FrozenDictionary<string, string> Zh =
        All.ToFrozenDictionary(p => p.En, p => p.Zh, StringComparer.Ordinal);

    /// <summary>Every pair, in file order (a test checks that no English key is translated twice).</summary>
    public static IEnumerable<(string En, string Zh)> All => Common().Concat(Deal()).Concat(Manage()).Concat(Admin()).Concat(Dashboard()).Concat(Reports()).Concat(Administration()).Concat(NewDeal()).Concat(TimeZones()).Concat(Flows()).Concat(CriteriaEditor()).Concat(Score()).Concat(Targets()).Concat(Closing()).Concat(Membership()).Concat(Disputes());

    private static IEnumerable<(string En, string Zh)> Common() =>
    [
        ("Sales process management", "销售过程管理"),
        ("Sign in", "登录"), ("Sign out", "退出"), ("Email", "邮箱"), ("Password", "密码"),
        ("Wrong email or password.", "邮箱或密码错误。"),
        ("This account is locked after too many failed sign-ins; try again in 15 minutes.", "账号因多次登录失败被锁定，请 15 分钟后再试。"),
        ("Not allowed", "无权访问"), ("Your role does not give access to this page.", "您的角色无权访问此页面。"),
        ("My deals", "我的商机"), ("Approvals", "审批"), ("Team board", "团队看板"), ("Score", "绩效得分"), ("Dashboard", "仪表盘"),
        ("Import", "导入"), ("Users", "用户"), ("Calendar", "日历"), ("Export to Excel", "导出 Excel"),
        ("Show", "显示"), ("Open deals", "进行中"), ("Won or lost", "已赢单/丢单"), ("All deals", "全部商机"),
        ("Search deal or customer", "搜索商机或客户"), ("Search", "搜索"), ("No deals here.", "这里没有商机。"),
        ("Overdue", "逾期"), ("Due soon", "即将到期"), ("Awaiting approval", "待审批"), ("On hold", "暂停"), ("Won", "赢单"), ("Lost", "丢单"),
        ("Active", "进行中"), ("Due", "截止"), ("Previous", "上一页"), ("Next", "下一页"),
        ("Record a delay reason and submit “{0}”", "填写延误原因并提交“{0}”"), ("Submit “{0}”", "提交“{0}”"),
        ("Waiting for approval of “{0}”", "等待审批“{0}”"), ("Approve “{0}”", "审批“{0}”"),
        ("On hold: resume when the customer is ready", "已暂停：客户就绪后恢复"), ("Follow-up planned {0}", "计划跟进 {0}"),
        ("grid", "电网公司"), ("industrial", "工业客户"), ("newEnergy", "新能源"), ("Customer type", "客户类型"), ("Rep", "销售"), ("Team", "团队"),
        ("Stage", "阶段"), ("Period", "期间"), ("All", "全部"), ("Apply", "应用"), ("Save", "保存"), ("Cancel", "取消"), ("Delete", "删除"),
        ("Saved.", "已保存。"), ("Back", "返回"), ("None", "无"), ("Days", "天"), ("Deals", "商机数"), ("Deal", "商机"), ("Customer", "客户"),
        ("Rep's manager", "销售经理"), ("Team average", "团队平均"), ("Total", "合计"),
        ("The form expired; reload the page and try again.", "表单已过期，请刷新页面后重试。"),
    ];
}
