using SalesPerf.Engine.Flows;
using SalesPerf.Engine.Flows.Elsa;

namespace SalesPerf.Engine.Tests;

public class FlowCompilerTests
{
    [Fact]
    public void Default_flow_compiles_without_errors()
    {
        var result = FlowCompiler.Compile(TestFlows.DefaultJson);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal("default-sales-flow", result.Flow!.DefinitionId);
        Assert.Equal(1, result.Flow.Version);
        Assert.Equal(new LocalizedText("标准销售流程", "Default sales flow"), result.Flow.Name);
    }

    [Fact]
    public void Power_service_flow_compiles_without_errors()
    {
        var result = FlowCompiler.Compile(TestFlows.PowerServiceJson);

        Assert.Empty(result.Errors);
        Assert.Equal("power-service-flow", result.Flow!.DefinitionId);
        Assert.Equal("电力服务销售流程", result.Flow.Name.Zh);
    }

    [Fact]
    public void Default_flow_stages_follow_the_approval_path()
    {
        var flow = TestFlows.Default;

        Assert.Equal(["first-visit", "needs-analysis", "solution-demo", "customer-feedback", "negotiation", "contract"],
            flow.Stages.Select(s => s.Key));
        Assert.Equal("first-visit", flow.FirstStageKey);
        Assert.Equal(new LocalizedText("需求分析报告", "Needs-analysis report"), flow["needs-analysis"].Name);
        Assert.Equal(2, flow.IndexOf("solution-demo"));
    }

    [Fact]
    public void Each_stage_leads_to_the_next_and_the_contract_stage_wins_the_deal()
    {
        var flow = TestFlows.Default;

        Assert.Equal(["needs-analysis", "solution-demo", "customer-feedback", "negotiation", "contract", null],
            flow.Stages.Select(s => s.NextStageKey));
        Assert.True(flow["contract"].WinsOnApproval);
        Assert.False(flow["negotiation"].WinsOnApproval);
    }

    [Fact]
    public void Send_back_targets_are_the_earlier_stages_wired_in_the_designer()
    {
        var flow = TestFlows.Default;

        Assert.Equal(["needs-analysis"], flow["solution-demo"].SendBackTargets);
        Assert.Equal(["solution-demo"], flow["customer-feedback"].SendBackTargets);
        Assert.Equal(["customer-feedback"], flow["negotiation"].SendBackTargets);
        Assert.Empty(flow["first-visit"].SendBackTargets);
        Assert.Empty(flow["contract"].SendBackTargets);
    }

    [Fact]
    public void Needs_analysis_asks_for_load_profile_existing_equipment_and_a_three_year_forecast()
    {
        var stage = TestFlows.Default["needs-analysis"];

        var load = Assert.IsType<CompletionField>(stage.Field("loadProfile"));
        Assert.Equal(FieldType.Text, load.Type);
        Assert.Equal("用电负荷", load.Label.Zh);
        Assert.Equal(50, load.MinLength);
        Assert.True(load.Required);

        var equipment = Assert.IsType<CompletionField>(stage.Field("existingEquipment"));
        Assert.Equal("现有设备情况", equipment.Label.Zh);

        var forecast = Assert.IsType<CompletionField>(stage.Field("demandForecast"));
        Assert.Equal("3-year demand forecast", forecast.Label.En);
        Assert.Equal("未来三年需求预测", forecast.Label.Zh);

        var peak = Assert.IsType<CompletionField>(stage.Field("peakLoadKw"));
        Assert.Equal((FieldType.Number, 0m, 10_000_000m, "kW"), (peak.Type, peak.Min!.Value, peak.Max!.Value, peak.Unit));

        var report = Assert.IsType<CompletionField>(stage.Field("report"));
        Assert.Equal(FieldType.File, report.Type);
        Assert.Equal(["xlsx", "docx", "pdf"], report.AllowedFileTypes);
        Assert.Equal("needs-analysis-report.xlsx", report.Template);
    }

    [Fact]
    public void Deadlines_reminders_approval_and_scoring_are_read_from_the_stage_inputs()
    {
        var stage = TestFlows.Default["needs-analysis"];

        Assert.Equal(new FlowDuration(5, DurationUnit.BusinessDays), stage.Deadline);
        Assert.Equal(["-2bd", "-1bd", "0"], stage.Reminders.Offsets.Select(o => o.ToString()));
        Assert.Equal(new FlowDuration(1, DurationUnit.CalendarDays), stage.Reminders.RepeatWhileOverdue);
        Assert.Equal(new FlowDuration(2, DurationUnit.BusinessDays), stage.Reminders.EscalateAfterOverdue);
        Assert.Equal(ApprovalRule.RepManager, stage.Approval);
        Assert.Equal(new ScoringRule(10, 2, 0, 1, 10), stage.Scoring);
        Assert.Equal(new ScoringRule(5, 2, 0, 1, 5), TestFlows.Default["first-visit"].Scoring);
    }

    [Fact]
    public void Choice_checklist_and_optional_fields_keep_their_options_and_flags()
    {
        var flow = TestFlows.Default;

        var type = flow["first-visit"].Field("customerType")!;
        Assert.Equal(["grid", "industrial", "newEnergy"], type.Options.Select(o => o.Value));
        Assert.Equal(new LocalizedText("电网公司", "Grid company"), type.Options[0].Label);

        var handover = flow["customer-feedback"].Field("handover")!;
        Assert.Equal(FieldType.Checklist, handover.Type);
        Assert.Equal(["notified", "plan"], handover.Options.Select(o => o.Value));

        Assert.False(flow["negotiation"].Field("quote")!.Required);
    }

    [Fact]
    public void Power_service_flow_adds_site_survey_and_technical_briefing()
    {
        var flow = TestFlows.PowerService;

        Assert.Equal(["first-visit", "site-survey", "needs-analysis", "solution-demo", "technical-briefing", "customer-feedback", "negotiation", "contract"],
            flow.Stages.Select(s => s.Key));
        Assert.Equal(["solution-demo"], flow["technical-briefing"].SendBackTargets);
        Assert.Equal(["solution-demo"], flow["customer-feedback"].SendBackTargets);
        Assert.Equal(["needs-analysis"], flow["solution-demo"].SendBackTargets);
        Assert.NotNull(flow["needs-analysis"].Field("demandForecast"));
        Assert.Equal(FieldType.Checklist, flow["site-survey"].Field("safetyChecks")!.Type);
    }

    [Fact]
    public void A_hand_written_flow_with_plain_values_compiles()
    {
        var json = TestFlows.Mini([TestFlows.Start(), TestFlows.Stage("visit", "36h", "-12h, 0"), TestFlows.Stage("offer", "3bd"), TestFlows.Won()],
            ("start", "Done", "visit"), ("visit", "Approved", "offer"), ("offer", "Approved", "won"), ("offer", "SentBack", "visit"));

        var flow = TestFlows.CompileOrFail(json);

        Assert.Equal(["visit", "offer"], flow.Stages.Select(s => s.Key));
        Assert.Equal(new FlowDuration(36, DurationUnit.Hours), flow["visit"].Deadline);
        Assert.Equal(["-12h", "0"], flow["visit"].Reminders.Offsets.Select(o => o.ToString()));
        Assert.Equal(["visit"], flow["offer"].SendBackTargets);
        Assert.Equal(ScoringRule.Default, flow["visit"].Scoring);
    }

    [Fact]
    public void A_bare_flowchart_root_compiles_with_the_given_id_and_version()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(TestFlows.DefaultJson)!["root"]!.ToJsonString();

        var result = FlowCompiler.Compile(root, "renamed", 7);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(("renamed", 7), (result.Flow!.DefinitionId, result.Flow.Version));
    }

    [Fact]
    public void Reminder_offsets_are_sorted_earliest_first()
    {
        var flow = TestFlows.CompileOrFail(TestFlows.SingleStage(TestFlows.Stage("visit", "10d", "0,-1d,+1d,-3d")));

        Assert.Equal(["-3d", "-1d", "0", "+1d"], flow["visit"].Reminders.Offsets.Select(o => o.ToString()));
    }

    [Fact]
    public void A_stage_approved_by_a_role_keeps_the_role_name()
    {
        var stage = TestFlows.Stage("contract-review");
        stage["approver"] = "Role";
        stage["approverRole"] = "legal";

        var flow = TestFlows.CompileOrFail(TestFlows.SingleStage(stage));

        Assert.Equal(new ApprovalRule(ApproverKind.Role, "legal"), flow["contract-review"].Approval);
    }

    [Fact]
    public void FlowOrThrow_on_an_invalid_flow_lists_the_errors()
    {
        var result = FlowCompiler.Compile("{}");

        var ex = Assert.Throws<InvalidFlowException>(() => result.FlowOrThrow());
        Assert.Contains("definition: the root activity must be an Elsa.Flowchart", ex.Message);
        Assert.Equal(result.Errors, ex.Errors);
    }
}
