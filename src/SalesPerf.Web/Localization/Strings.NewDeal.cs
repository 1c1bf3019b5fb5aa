namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> NewDeal() =>
    [
        ("New deal", "新建商机"), ("Deal title", "商机名称"), ("Create deal", "创建商机"), ("optional", "选填"), ("Choose…", "请选择…"),
        ("Stage flow", "阶段流程"), ("default", "默认"),
        ("After the first visit: the deal starts at its first stage, with its deadline counted from now.", "首次拜访后创建：商机从第一个阶段开始，截止时间从现在起算。"),
        ("e.g. Substation upgrade, phase 2", "例如：变电站改造二期"), ("e.g. State Grid Suzhou", "例如：国网苏州供电公司"),
        ("Give the deal a title.", "请填写商机名称。"), ("Enter the customer's name.", "请填写客户名称。"), ("Choose the customer type.", "请选择客户类型。"),
        ("Choose one of the listed customer types.", "请从列表中选择客户类型。"), ("Enter the amount as a number, e.g. 1200000.", "请填写数字金额，例如 1200000。"),
        ("The amount must be between 0 and {0}.", "金额必须在 0 到 {0} 之间。"), ("Choose the rep.", "请选择销售。"),
        ("Choose one of the listed reps.", "请从列表中选择销售。"), ("Choose one of your team's reps.", "请选择本团队的销售。"),
        ("You can start deals for yourself only.", "您只能为自己创建商机。"), ("Choose one of the listed flows.", "请从列表中选择流程。"),
        ("No stage flow is published yet; ask an admin to publish one.", "尚未发布任何阶段流程，请联系管理员发布。"),
        ("Your team has no reps yet.", "您的团队还没有销售。"), ("Deal created: its first stage has started.", "商机已创建，第一个阶段已开始。"),
    ];
}
