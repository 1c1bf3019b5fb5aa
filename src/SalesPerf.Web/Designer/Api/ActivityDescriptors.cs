using System.Text.Json.Nodes;
using static SalesPerf.Engine.Flows.Elsa.SalesActivityTypes;

namespace SalesPerf.Web.Designer.Api;

/// <summary>
/// The activities the designer offers: SalesPerf's own, with inputs a sales-operations admin can fill in (plain values
/// only, bilingual labels, dropdowns for choices) and defaults that make a freshly dropped stage valid.
/// Lost and on-hold are not activities: any running deal can be closed as lost or put on hold from any stage.
/// </summary>
internal static class ActivityDescriptors
{
    public const string Category = "销售流程 Sales flow";

    /// <summary>The criteria input's label, by which wwwroot/js/criteria-editor.js finds it to show a form instead.</summary>
    public const string CriteriaDisplayName = "Completion criteria 完成标准";

    public const string DefaultCriteria = """
        [
          {"key": "summary", "labelZh": "阶段小结", "labelEn": "Stage summary", "type": "text", "minLength": 20}
        ]
        """;

    public static JsonArray All() =>
    [
        Descriptor(Flowchart, "Flowchart", "Flowchart", "The flow's canvas.", [], [], browsable: false, container: true),
        Descriptor(DealStart, "DealStart", "New deal 新商机", "Where every new deal starts; connect it to the first stage.", [], [], start: true),
        Descriptor(SalesStage, "SalesStage", "Sales stage 销售阶段",
            "A stage of the sales process: what the rep must submit, by when, who approves, and how it scores.",
            StageInputs(), [Port(Ports.Approved, "Approved 通过"), Port(Ports.SentBack, "Sent back 退回")]),
        Descriptor(Won, "DealWon", "Deal won 赢单", "The contract is signed: the deal ends as won.", [], [], terminal: true),
    ];

    private static JsonArray StageInputs() =>
    [
        Input("Key", "Stage key 阶段标识", "Stable id used in reports and deal history, e.g. site-survey (letters, digits, '-'). Leave empty to have one made for you.", "Stage", 0),
        Input("NameZh", "Name (Chinese) 名称（中文）", "Shown to reps and managers, e.g. 现场勘查.", "Stage", 1, @default: "新阶段"),
        Input("NameEn", "Name (English) 名称（英文）", "Shown to English-speaking users, e.g. Site survey.", "Stage", 2, @default: "New stage"),
        Input("GuidanceZh", "Guidance (Chinese) 指引（中文）", "What a good result of this stage looks like.", "Stage", 3, hint: "multiline"),
        Input("GuidanceEn", "Guidance (English) 指引（英文）", "What a good result of this stage looks like.", "Stage", 4, hint: "multiline"),
        Input("Criteria", CriteriaDisplayName,
            "What the rep submits, one field per line of the list: key, labelZh, labelEn, type (text, number, date, choice, checklist, file), " +
            "and optional required (true/false), minLength, min, max, unit, options, fileTypes. Example: " +
            "{\"key\": \"sitePhotos\", \"labelZh\": \"现场照片\", \"labelEn\": \"Site photos\", \"type\": \"file\", \"fileTypes\": [\"pdf\", \"jpg\"]}",
            "Completion", 5, hint: "multiline", @default: DefaultCriteria),
        Input("Deadline", "Deadline 期限", "Time allowed once the stage starts: 5bd = 5 business days, 5d = 5 calendar days, 36h = 36 hours.", "Deadline", 6, @default: "5bd"),
        Input("Reminders", "Reminders 提醒", "When the rep is reminded, relative to the deadline, separated by commas: -2d, -1d, 0 (on the day), +1d (after).", "Deadline", 7, @default: "-1d"),
        Input("RepeatWhileOverdue", "Repeat while overdue 逾期重复提醒", "How often to remind again while the stage is late, e.g. 1d. Empty: no repeat.", "Deadline", 8),
        Input("EscalateAfterOverdue", "Escalate to manager after 逾期上报", "How long after the deadline the manager is told, e.g. 2bd. Empty: no escalation.", "Deadline", 9),
        Input("Approver", "Approved by 审批人", "Who approves the rep's submission.", "Approval", 10, hint: "dropdown", @default: "RepManager",
            items: [("RepManager", "The rep's manager 销售经理"), ("Role", "Anyone with a role 指定角色"), ("None", "No approval needed 无需审批")]),
        Input("ApproverRole", "Approver role 审批角色", "Only when approved by a role: manager or admin.", "Approval", 11, hint: "dropdown",
            items: [("", "—"), ("manager", "Managers 经理"), ("admin", "Admins 管理员")]),
        Input("Points", "Points on approval 通过得分", "Points the rep earns when the stage is approved.", "Scoring", 12, type: "Decimal", @default: "10"),
        Input("DeductionPerLateDayRep", "Deduction per late day: rep-caused 逾期扣分/天（销售原因）", "Points deducted per late day when the rep caused the delay.", "Scoring", 13, type: "Decimal", @default: "2"),
        Input("DeductionPerLateDayCustomer", "Deduction per late day: customer-caused 逾期扣分/天（客户原因）", "Usually 0: a customer-caused delay is not the rep's fault.", "Scoring", 14, type: "Decimal", @default: "0"),
        Input("DeductionPerLateDayOther", "Deduction per late day: other causes 逾期扣分/天（其他原因）", "Points deducted per late day for other causes (policy, weather…).", "Scoring", 15, type: "Decimal", @default: "1"),
        Input("DeductionCap", "Maximum deduction 最多扣分", "Lateness never costs more than this for one stage.", "Scoring", 16, type: "Decimal", @default: "10"),
        Input("DeductionPerSendBack", "Deduction per send-back 每次退回扣分", "Points a send-back of this stage's submission costs the rep (each one is its own line).", "Scoring", 17, type: "Decimal", @default: "2"),
        Input("WinProbability", "Win probability % 赢单概率（%）", "Chance that a deal in this stage is won, 0–100; weights the pipeline in evaluations. Empty: by the stage's position in the flow.", "Scoring", 18, type: "Decimal"),
    ];

    private static JsonObject Descriptor(string typeName, string name, string displayName, string description, JsonArray inputs, JsonArray ports,
        bool browsable = true, bool container = false, bool start = false, bool terminal = false) => new()
    {
        ["typeName"] = typeName, ["namespace"] = typeName[..typeName.LastIndexOf('.')], ["name"] = name, ["version"] = 1,
        ["category"] = container ? "Flow" : Category, ["displayName"] = displayName, ["description"] = description,
        ["inputs"] = inputs, ["outputs"] = new JsonArray(), ["kind"] = "Action", ["ports"] = ports,
        ["customProperties"] = new JsonObject(), ["constructionProperties"] = new JsonObject(), ["attributes"] = new JsonArray(),
        ["isContainer"] = container, ["isBrowsable"] = browsable, ["isStart"] = start, ["isTerminal"] = terminal,
    };

    private static JsonObject Port(string name, string displayName) =>
        new() { ["name"] = name, ["displayName"] = displayName, ["type"] = "Flow", ["isBrowsable"] = true };

    private static JsonObject Input(string name, string displayName, string description, string category, int order,
        string hint = "singleline", string type = "String", string? @default = null, (string Value, string Text)[]? items = null)
    {
        var specifications = new JsonObject();
        JsonNode? options = null;
        if (items is not null)
        {
            var list = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["text"] = i.Text, ["value"] = i.Value })]);
            specifications["dropdown"] = new JsonObject { ["selectList"] = new JsonObject { ["items"] = list, ["isFlagsEnum"] = false } };
            options = new JsonObject { ["items"] = list.DeepClone(), ["isFlagsEnum"] = false };
        }
        return new JsonObject
        {
            ["name"] = name, ["typeName"] = type, ["displayName"] = displayName, ["description"] = description, ["order"] = order,
            ["isBrowsable"] = true, ["isSynthetic"] = false, ["isWrapped"] = true, ["uiHint"] = hint, ["category"] = category,
            ["defaultValue"] = @default, ["defaultSyntax"] = "Literal", ["isReadOnly"] = false, ["isSensitive"] = false,
            ["storageDriverType"] = null, ["autoEvaluate"] = true, ["options"] = options, ["uiSpecifications"] = specifications,
        };
    }
}
