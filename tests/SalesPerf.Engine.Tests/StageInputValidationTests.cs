using System.Text.Json.Nodes;
using SalesPerf.Engine.Flows.Elsa;
using static SalesPerf.Engine.Tests.TestFlows;

namespace SalesPerf.Engine.Tests;

/// <summary>A stage's own inputs: deadline, reminders, completion criteria, approval and scoring.</summary>
public class StageInputValidationTests
{
    private static string WithInput(string stageId, string input, string value) =>
        EditDefault(root => root.Activity(stageId).SetInput(input, value));

    [Theory]
    [InlineData("abc")]
    [InlineData("-3d")]
    [InlineData("0d")]
    [InlineData("+2d")]
    [InlineData("5")]
    [InlineData("5w")]
    public void A_deadline_that_is_not_a_positive_duration_is_refused(string deadline)
    {
        var error = AssertError(WithInput("needs-analysis", "deadline", deadline),
            $"stage 'needs-analysis': deadline \"{deadline}\" is not a positive duration such as 5d, 5bd or 36h");
        Assert.Equal("needs-analysis", error.ActivityId);
    }

    [Fact]
    public void A_missing_deadline_is_refused()
    {
        AssertError(WithInput("solution-demo", "deadline", " "),
            "stage 'solution-demo': needs a deadline, e.g. 5d (calendar days), 5bd (business days) or 36h");
    }

    [Fact]
    public void A_reminder_before_the_stage_can_start_is_refused()
    {
        var json = EditDefault(root =>
        {
            root.Activity("first-visit").SetInput("deadline", "5d");
            root.Activity("first-visit").SetInput("reminders", "-6d");
        });

        AssertError(json, "stage 'first-visit': reminder at -6d is before the stage can start (the deadline is 5d after the stage starts)");
    }

    [Fact]
    public void A_reminder_exactly_at_the_start_is_refused_but_one_a_day_later_is_kept()
    {
        AssertError(SingleStage(Stage("visit", "5d", "-5d")),
            "stage 'visit': reminder at -5d is before the stage can start (the deadline is 5d after the stage starts)");
        AssertError(SingleStage(Stage("visit", "36h", "-2d")),
            "stage 'visit': reminder at -2d is before the stage can start (the deadline is 36h after the stage starts)");

        var flow = CompileOrFail(SingleStage(Stage("visit", "5d", "-4d")));
        Assert.Equal("-4d", Assert.Single(flow["visit"].Reminders.Offsets).ToString());
    }

    [Fact]
    public void Unparseable_and_repeated_reminders_are_refused()
    {
        AssertError(SingleStage(Stage("visit", "5d", "-2d,soon")),
            "stage 'visit': reminder \"soon\" is not an offset from the due time such as -2d, 0 or +1d");
        AssertError(SingleStage(Stage("visit", "5d", "-2d,-2d")), "stage 'visit': reminder at -2d is listed twice");
        // Both mean "at the due time" and would both be keyed "reminder:0".
        AssertError(SingleStage(Stage("visit", "5d", "0,0h")), "stage 'visit': reminder at 0 is listed twice");
    }

    [Fact]
    public void Overdue_repeat_and_escalation_must_be_positive()
    {
        var stage = Stage("visit");
        stage["repeatWhileOverdue"] = "-1d";
        stage["escalateAfterOverdue"] = "later";
        var json = SingleStage(stage);

        AssertError(json, "stage 'visit': repeat while overdue \"-1d\" is not a positive duration such as 1d, 2bd or 12h");
        AssertError(json, "stage 'visit': escalate after \"later\" is not a positive duration such as 1d, 2bd or 12h");
    }

    [Fact]
    public void A_stage_without_criteria_is_refused()
    {
        var json = EditDefault(root => root.Activity("solution-demo").Remove("criteria"));

        AssertError(json, "stage 'solution-demo': has no completion criteria: add at least one field the rep must submit");
    }

    [Fact]
    public void An_empty_criteria_list_is_refused()
    {
        AssertError(WithInput("solution-demo", "criteria", "[]"),
            "stage 'solution-demo': has no completion criteria: add at least one field the rep must submit");
    }

    [Fact]
    public void Criteria_that_are_not_a_json_list_are_refused()
    {
        AssertError(WithInput("first-visit", "criteria", """{"key":"visitDate"}"""), "stage 'first-visit': completion criteria must be a list of fields");

        var result = FlowCompiler.Compile(WithInput("first-visit", "criteria", "[{\"key\": }]"));
        Assert.Contains(result.Errors, e => e.Location == "stage 'first-visit'" && e.Message.StartsWith("completion criteria are not valid JSON ("));
    }

    [Fact]
    public void A_field_without_a_key_is_located_by_its_position()
    {
        var criteria = """[{"key":"visitDate","labelEn":"Visit date","type":"date"},{"labelEn":"Attendees","type":"text"}]""";

        AssertError(WithInput("first-visit", "criteria", criteria),
            "stage 'first-visit' › field '#2': needs a key of letters, digits, '-' or '_', starting with a letter");
    }

    [Fact]
    public void A_choice_or_checklist_without_options_is_refused()
    {
        AssertError(WithInput("first-visit", "criteria", """[{"key":"customerType","labelEn":"Customer type","type":"choice"}]"""),
            "stage 'first-visit' › field 'customerType': a choice needs at least one option");
        AssertError(WithInput("customer-feedback", "criteria", """[{"key":"handover","labelEn":"Hand-over","type":"checklist","options":[]}]"""),
            "stage 'customer-feedback' › field 'handover': a checklist needs at least one option");
    }

    [Fact]
    public void Field_type_label_range_and_file_type_mistakes_are_located()
    {
        var criteria = """
            [{"key":"signature","labelEn":"Signature","type":"signature"},
             {"key":"peak","type":"number"},
             {"key":"growth","labelEn":"Growth","type":"number","min":10,"max":5},
             {"key":"scan","labelEn":"Scan","type":"file","fileTypes":["pdf","exe"]},
             {"key":"growth","labelEn":"Growth again","type":"text"}]
            """;
        var json = WithInput("needs-analysis", "criteria", criteria);

        AssertError(json, "stage 'needs-analysis' › field 'signature': unknown field type \"signature\" (use text, number, date, choice, checklist or file)");
        AssertError(json, "stage 'needs-analysis' › field 'peak': needs a label (labelZh or labelEn)");
        AssertError(json, "stage 'needs-analysis' › field 'growth': min 10 is greater than max 5");
        Assert.Contains(FlowCompiler.Compile(json).Errors, e => e.Location == "stage 'needs-analysis' › field 'scan'"
            && e.Message.StartsWith("file type \"exe\" is not supported (use "));
        AssertError(json, "stage 'needs-analysis' › field 'growth': the field key is used twice in this stage");
    }

    [Fact]
    public void A_file_field_without_types_accepts_pdf_word_and_excel()
    {
        var flow = CompileOrFail(SingleStage(Stage("visit", criteria: """[{"key":"minutes","labelEn":"Minutes","type":"file"}]""")));

        Assert.Equal(["pdf", "docx", "xlsx"], flow["visit"].Field("minutes")!.AllowedFileTypes);
    }

    [Fact]
    public void A_javascript_expression_input_is_refused()
    {
        var json = EditDefault(root => root.Activity("needs-analysis")["deadline"] = new JsonObject
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "variables.Deadline" },
        });

        var error = AssertError(json, "stage 'needs-analysis': input 'deadline' uses a JavaScript expression; only plain values are supported");
        Assert.Equal("needs-analysis", error.ActivityId);
    }

    [Fact]
    public void Stage_key_and_name_are_required()
    {
        AssertError(WithInput("solution-demo", "key", "3-demo"),
            "stage '3-demo': needs a key of letters, digits, '-' or '_', starting with a letter (e.g. needs-analysis)");

        var json = EditDefault(root =>
        {
            root.Activity("solution-demo").SetInput("nameZh", "");
            root.Activity("solution-demo").SetInput("nameEn", "");
        });
        AssertError(json, "stage 'solution-demo': needs a name (Chinese or English)");
    }

    [Fact]
    public void Approver_and_scoring_inputs_are_checked()
    {
        AssertError(WithInput("contract", "approver", "Director"), "stage 'contract': approver \"Director\" is unknown (use RepManager, Role or None)");
        AssertError(WithInput("contract", "approver", "Role"), "stage 'contract': approval by role needs the role's name (e.g. manager, admin)");
        AssertError(WithInput("contract", "points", "-5"), "stage 'contract': 'points' must be a number of at least 0, not \"-5\"");
        AssertError(WithInput("contract", "deductionCap", "lots"), "stage 'contract': 'deductionCap' must be a number of at least 0, not \"lots\"");
    }

    public static TheoryData<string> Garbage() =>
    [
        "",
        "null",
        "42",
        "\"flow\"",
        "{}",
        """{"root": null}""",
        """{"root": {"type": "Elsa.Flowchart", "activities": {}}}""",
        """{"root": {"type": "Elsa.Flowchart", "activities": [1, "x", null, [], {"id": 5}]}}""",
        """{"root": {"type": "Elsa.Flowchart", "activities": [{"id": "s", "type": "SalesPerf.DealStart"}], "connections": [1, null, "y", []]}}""",
        """{"root": {"type": "Elsa.Flowchart", "activities": [], "connections": [{"source": 5, "target": {"activity": []}}]}}""",
        """{"version": "1", "root": {"type": "Elsa.Flowchart", "activities": []}}""",
        """{"version": 1.5, "customProperties": "x", "root": {"type": "Elsa.Flowchart", "activities": []}}""",
        """{"root": {"type": "Elsa.Flowchart", "activities": [{"id": "a", "type": "SalesPerf.SalesStage", "key": {"expression": 5}, "deadline": {"expression": {"type": 7, "value": []}}, "criteria": {"expression": {"type": "Literal", "value": [{"key": "k", "type": "choice", "labelEn": "K", "options": [1, {"value": 2}], "fileTypes": [3]}]}}, "reminders": [1, 2], "points": {}}]}}""",
        """{"root": {"type": "Elsa.Flowchart", "activities": [{"id": "a", "type": "SalesPerf.SalesStage", "key": "a", "nameEn": "A", "deadline": "9999bd", "reminders": "-9999h", "criteria": "[{\"key\":\"f\",\"labelEn\":\"F\",\"type\":\"file\",\"fileTypes\":[1, null]}]"}]}}""",
        new string('[', 5000),
    ];

    [Theory]
    [MemberData(nameof(Garbage))]
    public void The_compiler_never_throws_on_bad_input(string json)
    {
        var result = FlowCompiler.Compile(json);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Location + e.Message)));
    }
}
