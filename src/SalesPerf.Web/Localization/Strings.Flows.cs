namespace SalesPerf.Web.Localization;

/// <summary>The admin's flows pages: the flows list, the designer page's bar and the migration of running deals.</summary>
public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Flows() =>
    [
        // flows list
        ("Stage flows", "销售流程"),
        ("New deals start on the published version; running deals stay on theirs until you move them.", "新商机使用已发布版本；进行中的商机保留原版本，直到您将其迁移。"),
        ("Flow name", "流程名称"), ("Create flow", "新建流程"), ("Flow file", "流程文件"),
        ("Flow", "流程"), ("Published version", "已发布版本"), ("Draft version", "草稿版本"), ("Running deals per version", "各版本进行中商机"),
        ("Validation", "校验"), ("v{0} valid", "v{0} 有效"), ("v{0}: {1} problem(s)", "v{0}：{1} 个问题"),
        ("Edit", "编辑"), ("Export", "导出"), ("Duplicate", "复制"), ("Publish v{0}", "发布 v{0}"),
        ("Move v{0} deals → v{1}", "将 v{0} 的商机迁移到 v{1}"),
        ("Duplicated as '{0}' (a draft).", "已复制为“{0}”（草稿）。"),
        ("'{0}' version {1} is published.", "“{0}”版本 {1} 已发布。"),
        ("Version {0} has problems and was not published: fix them in the designer first.", "版本 {0} 有问题，未发布：请先在设计器中修正。"),
        ("Choose a flow file (.json) to import.", "请选择要导入的流程文件（.json）。"),
        ("The file is larger than 2 MB: it is not a flow definition.", "文件大于 2 MB，不是流程定义。"),
        ("'{0}' is not valid JSON (line {1}).", "“{0}”不是有效的 JSON（第 {1} 行）。"),
        ("'{0}' is not a flow definition (a JSON object).", "“{0}”不是流程定义（应为 JSON 对象）。"),
        ("Imported '{0}' as draft version {1}: open it to check and publish.", "已将“{0}”导入为草稿版本 {1}：请打开检查后发布。"),
        ("There is no flow '{0}'.", "流程“{0}”不存在。"),
        ("The request failed.", "请求失败。"),
        // the definition store's fixed messages, shown on the flows list when an import fails
        ("The definition needs a root flowchart (Elsa.Flowchart).", "流程定义需要一个根流程图（Elsa.Flowchart）。"),
        ("The flow uses activity types SalesPerf does not know.", "流程使用了 SalesPerf 不支持的活动类型。"),
        ("The definition id must be at most 100 characters, without spaces or '/'.", "流程 ID 最多 100 个字符，且不能包含空格或“/”。"),
        // designer page
        ("Flow designer", "流程设计"), ("All flows", "全部流程"),
        ("latest v{0} (published)", "最新 v{0}（已发布）"), ("latest v{0} (draft)", "最新 v{0}（草稿）"), ("published: {0}", "已发布：{0}"),
        ("The designer is not installed: build the app with Node.js available (the build runs npm ci in src/SalesPerf.Web/Designer/studio).",
            "流程设计器未安装：请在有 Node.js 的环境中构建应用（构建时会在 src/SalesPerf.Web/Designer/studio 中运行 npm ci）。"),
        // migration of running deals
        ("Move running deals to a new version", "将进行中的商机迁移到新版本"),
        ("{0} deal(s) now run on version {1}.", "已迁移 {0} 个商机，现使用版本 {1}。"),
        ("{0}: version {1} → version {2}. {3} running deal(s).", "{0}：版本 {1} → 版本 {2}，{3} 个进行中商机。"),
        ("Completed (approved) stages and their points are kept as they are and never run again; each deal's current stage keeps its start time, and only its due times follow the new rules.",
            "已完成（已审批）的阶段及其得分保持不变，不会重跑；每个商机的当前阶段保留开始时间，只有截止时间按新规则计算。"),
        ("Stage “{0}” no longer exists. Deals in it move to:", "阶段“{0}”已不存在，其中的商机移至："),
        ("choose", "请选择"), ("Update preview", "更新预览"),
        ("Stage now → after", "当前阶段 → 迁移后"), ("Kept", "保留"), ("Check", "检查"),
        ("unchanged", "不变"), ("becomes overdue", "将逾期"), ("{0} completed stage(s), {1} points", "{0} 个已完成阶段，{1} 分"),
        ("Move {0} deal(s)", "迁移 {0} 个商机"),
        ("Nothing can be moved until every deal above is ✓ or only has warnings: all deals move together or none does.",
            "只有上面每个商机都是 ✓ 或仅有提醒时才能迁移：所有商机一起迁移，或都不迁移。"),
        // the migration service's fixed messages
        ("The deals changed since the preview (or the stage mapping differs): check the new preview and confirm again.", "预览之后商机有变化（或阶段对应关系不同）：请查看新的预览并再次确认。"),
        ("No running deal is on this version.", "此版本上没有进行中的商机。"),
        ("Some deals cannot be moved yet: see the blockers.", "部分商机暂时无法迁移：请查看阻止原因。"),
    ];
}
