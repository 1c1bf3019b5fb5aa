namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Manage() =>
    [
        ("Required when sending back", "退回时必填"), ("Send back to", "退回到"), ("This stage (resubmit)", "本阶段（重新提交）"),
        ("Approve", "通过"), ("Send back", "退回"), ("Sent back to the rep.", "已退回给销售。"), ("Approved.", "已通过。"),
        ("Approved {0} submission(s).", "已通过 {0} 项提交。"), ("{0} could not be approved (already decided or not yours).", "{0} 项无法通过（已被处理或不属于您）。"),
        ("Nothing waits for your approval.", "没有待您审批的提交。"), ("Select all", "全选"), ("Approve selected", "批量通过"), ("Late", "逾期"),
        ("Submitted {0}", "提交于 {0}"), ("Deliverable", "提交内容"),
    ];
}
