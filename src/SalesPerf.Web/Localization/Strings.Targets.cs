namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Targets() =>
    [
        ("Target", "目标"), ("Metric", "指标"), ("Company", "公司"), ("Headline", "目标总览"), ("Weight", "权重"), ("Not set", "未设定"),
        ("Draft", "草稿"), ("Approved", "已批准"), ("Change proposed", "已申请调整"), ("Proposal approved", "调整申请已批准"), ("Proposal rejected", "调整申请已驳回"),
        ("Set", "设定"), ("Split evenly", "平均分解"), ("Split by weight", "按权重分解"), ("Approved and locked", "已批准并锁定"), ("Approved and locked.", "已批准并锁定。"),
        ("Changed with a reason", "说明原因后修改"), ("Company target", "公司目标"), ("Company target split to teams", "公司目标分解到团队"),
        ("{0}: split to reps", "{0}：分解到销售"), ("Parent target", "上级目标"), ("Set the parent target first.", "请先设定上级目标。"),
        ("Mismatch: the children add up to {0}, {1} than the parent ({2}).", "不一致：下级合计 {0}，{1}上级目标（{2}）。"), ("less", "少于"), ("more", "多于"),
        ("{0} without a target.", "{0} 个未设定目标。"), ("The children add up to the parent exactly.", "下级合计与上级目标一致。"),
        ("Approve and lock the drafts", "批准并锁定草稿"),
        ("Splits round to whole units; the rounding remainder goes to the last one, so the parts add up exactly. Approved targets keep their value; change them with a reason on the rep's page.",
            "分解取整，取整余数计入最后一位，使合计正好等于上级目标。已批准的目标保持不变；如需修改，请在该销售的页面说明原因。"),
        ("Split so that the parts add up exactly: the rounding remainder of {0} went to the last one, {1}.", "已分解，合计正好等于上级目标：取整余数 {0} 计入最后一位（{1}）。"),
        ("{0} targets approved and locked.", "已批准并锁定 {0} 个目标。"), ("There is no draft target to approve.", "没有待批准的草稿目标。"),
        ("My targets", "我的目标"), ("My targets, their log and proposals", "我的目标、变更记录与调整申请"), ("No targets for you in this period yet.", "本期间还没有您的目标。"),
        ("No targets in this period.", "本期间没有目标。"), ("Proposals waiting for your decision", "待您审批的目标调整申请"),
        ("Proposed change: {0} → {1}, from {2}.", "申请调整：{0} → {1}，自 {2} 起。"), ("Reject", "驳回"), ("Applies from", "生效日期"),
        ("Propose a change", "申请调整目标"), ("Proposed value", "申请调整为"), ("Send the proposal", "提交申请"),
        ("Change this approved target", "修改已批准的目标"), ("New value", "新目标值"), ("Save the change", "保存修改"),
        ("Change log", "变更记录"), ("Who", "操作人"), ("What", "操作"), ("Old", "原值"), ("New", "新值"),
        ("Your proposal was sent to your manager.", "调整申请已提交给您的经理。"), ("Proposal approved; the target is locked.", "已批准调整，目标已锁定。"),
        ("Proposal rejected.", "已驳回调整申请。"), ("Target changed from {0}.", "目标已修改，自 {0} 起生效。"),
        ("A change cannot apply to days already past; choose today or a later day.", "修改不能追溯到已过去的日期，请选择今天或之后的日期。"),
        ("A proposal for this target is already waiting for a decision.", "该目标已有一个待审批的调整申请。"),
        ("Decide the rep's pending proposal first.", "请先处理该销售待审批的调整申请。"), ("This proposal was already decided.", "该申请已被处理。"),
        ("This target is approved and locked; change it with a reason and the date it applies from.", "该目标已批准并锁定；如需修改，请说明原因和生效日期。"),
        ("At most 2000 characters.", "最多 2000 个字符。"), ("Choose a metric.", "请选择指标。"), ("Choose approve or reject.", "请选择批准或驳回。"),
        ("Enter a number of 0 or more.", "请输入不小于 0 的数字。"), ("Give the day the change applies from (yyyy-MM-dd).", "请填写生效日期（yyyy-MM-dd）。"),
        ("Give the reason for the change.", "请填写修改原因。"), ("Say why you approve.", "请填写批准意见。"), ("Say why you propose the change.", "请说明申请调整的原因。"),
        ("Say why you reject the proposal.", "请填写驳回原因。"), ("The day is after the target's period.", "该日期晚于目标期间。"),
        ("Only the rep may propose a change to their own target.", "只有销售本人可以申请调整自己的目标。"),
        ("Only the rep's manager decides this proposal.", "只有该销售的经理可以审批此申请。"),
        ("You cannot decide your own proposal; your manager does.", "不能审批自己的申请，需由您的经理审批。"),
        ("You may not approve these targets.", "您无权批准这些目标。"), ("You may not change this target.", "您无权修改该目标。"), ("You may not set this target.", "您无权设定该目标。"),
        ("There is no such target, or it is not yours to see.", "目标不存在，或您无权查看。"), ("A weight of 0 or more.", "权重须不小于 0。"),
        ("At least one weight must be above zero.", "至少一个权重须大于 0。"), ("Propose a value different from the current one.", "申请的值须与当前目标不同。"),
        ("Enter a value different from the current one.", "新值须与当前目标不同。"),
    ];
}
