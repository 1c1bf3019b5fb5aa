namespace SalesPerf.Web.Administration.Import;

public enum ImportKind { Deals, FollowUps }

/// <summary>A column an import understands: its key, whether every row needs it, and the headers (English and Chinese) that name it.</summary>
public sealed record ImportColumn(string Key, bool Required, string HeaderEn, string HeaderZh, params string[] Aliases)
{
    public IEnumerable<string> Names => Aliases.Append(HeaderEn).Append(HeaderZh).Append(Key);
}

/// <summary>The columns of each kind of import. A CRM export may name them in English or Chinese; case, spaces and a trailing * do not matter.</summary>
public static class ImportColumns
{
    public static readonly ImportColumn[] Deals =
    [
        new("title", true, "Deal title", "商机名称", "title", "deal", "opportunity", "标题", "商机", "项目名称"),
        new("customer", true, "Customer", "客户名称", "customer name", "客户"),
        new("customerType", true, "Customer type", "客户类型", "type", "类型"),
        new("repEmail", true, "Rep email", "销售邮箱", "rep", "owner email", "owner", "负责人邮箱", "负责人", "销售"),
        new("estimatedValue", false, "Estimated value", "预计金额", "value", "amount", "预估金额", "金额"),
    ];

    public static readonly ImportColumn[] FollowUps =
    [
        new("deal", true, "Deal title", "商机名称", "deal", "title", "商机", "项目名称"),
        new("customer", false, "Customer", "客户名称", "customer name", "客户"),
        new("visitedAt", true, "Follow-up time", "跟进时间", "visited at", "date", "time", "拜访时间", "时间", "日期"),
        new("content", true, "What happened", "跟进内容", "content", "内容", "跟进记录"),
        new("customerNeeds", false, "Customer needs", "客户需求", "needs", "需求"),
        new("nextStep", false, "Next step", "下一步", "下一步计划"),
        new("nextStepDate", false, "Next step date", "下一步日期", "next date", "下一步时间"),
    ];

    public static ImportColumn[] For(ImportKind kind) => kind == ImportKind.Deals ? Deals : FollowUps;

    public static string Normalize(string header) =>
        new string(header.Trim().TrimEnd('*', '＊').Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-')).ToArray()).ToLowerInvariant();

    /// <summary>The column a header names, or null.</summary>
    public static ImportColumn? Find(ImportKind kind, string header)
    {
        var h = Normalize(header);
        return h.Length == 0 ? null : For(kind).FirstOrDefault(c => c.Names.Any(n => Normalize(n) == h));
    }
}
