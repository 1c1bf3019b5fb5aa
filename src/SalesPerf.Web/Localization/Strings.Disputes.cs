namespace SalesPerf.Web.Localization;

public static partial class Strings
{
    private static IEnumerable<(string En, string Zh)> Disputes() =>
    [
        ("Question this line", "对此项提出疑问"), ("What is wrong with this line?", "这一项哪里不对？"), ("Send to my manager", "发送给我的经理"),
        ("Questions about this evaluation", "关于本次评估的疑问"), ("open", "待答复"), ("settled", "已答复"),
        ("No question yet. Use “Question this line” under any line you think is wrong.", "暂无疑问。如认为某一项有误，可点其下方的“对此项提出疑问”。"),
        ("No question yet.", "暂无疑问。"), ("Answer", "答复"), ("Correction", "更正"), ("Your answer", "您的答复"),
        ("Correct the score on this deal by (points, optional)", "在该商机上更正分数（分，可选）"),
        ("To change who caused a delay, decide it on the deal page:", "如需更改延误责任归属，请在商机页面处理："), ("Open the deal", "打开商机"),
        ("Send the answer", "发送答复"), ("Your question was sent to your manager.", "您的疑问已发送给经理。"), ("Answer sent.", "答复已发送。"),
        ("Enter the points as a number, e.g. 4 or -2.", "请以数字填写分数，如 4 或 -2。"), ("Something went wrong.", "出错了。"),
        ("Only a rep questions their own evaluation.", "只有销售本人可以对自己的评估提出疑问。"), ("Choose the line you question.", "请选择要质疑的项目。"),
        ("You already questioned this line; wait for the answer.", "您已对此项提出疑问，请等待答复。"),
        ("Only the rep's manager or an admin answers a dispute.", "只有该销售的经理或管理员可以答复疑问。"),
        ("This dispute has already been answered.", "该疑问已被答复。"),
        ("Say what to correct: points, or a delay's attribution.", "请说明更正内容：分数，或延误的责任归属。"),
        ("Total {0}", "总分 {0}"), ("Questions about evaluations", "评估疑问"), ("No open question.", "没有待答复的疑问。"),
        ("Settled in the last 90 days", "近 90 天已答复"), ("Open questions", "待答复的疑问"), ("Questions", "疑问"),
    ];
}
