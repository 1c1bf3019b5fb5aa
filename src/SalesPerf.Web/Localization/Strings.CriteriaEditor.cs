namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> CriteriaEditor() =>
    [
        ("Edit as text (JSON)", "以文本（JSON）编辑"), ("Hide the text", "隐藏文本"),
        ("These criteria cannot be shown as a form: correct the text below", "完成标准无法以表单显示，请修正下方文本"),
        ("the text is not a list of fields", "文本不是字段列表"),
        ("No fields yet: the stage cannot be published until the rep has something to submit.", "尚无字段：至少需要一个销售要提交的字段才能发布。"),
        ("Add a field", "添加字段"), ("Label (Chinese)", "名称（中文）"), ("Label (English)", "名称（英文）"),
        ("Give the field a label in at least one language.", "请至少填写一种语言的字段名称。"),
        ("Type", "类型"), ("Text", "文本"), ("Number", "数字"), ("Choice (one of)", "单选"),
        ("Checklist (tick all)", "检查清单（逐项勾选）"), ("File upload", "上传文件"), ("Required", "必填"),
        ("Move up", "上移"), ("Move down", "下移"),
        ("At least this many characters", "最少字数"), ("Minimum", "最小值"), ("Maximum", "最大值"), ("Unit", "单位"),
        ("Options", "选项"), ("Option (Chinese)", "选项（中文）"), ("Option (English)", "选项（英文）"), ("Add an option", "添加选项"),
        ("Add at least one option.", "请至少添加一个选项。"), ("Accepted file types", "允许的文件类型"), ("More", "更多"), ("Field key", "字段标识"),
        ("The name the answer is stored under; changing it on a published stage hides earlier answers from reports.",
            "提交内容保存所用的名称；修改已发布阶段的标识会使报表中看不到之前的内容。"),
        ("Help (Chinese)", "填写说明（中文）"), ("Help (English)", "填写说明（英文）"),
    ];
}
