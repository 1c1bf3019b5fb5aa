using System.Text.Json.Nodes;
using SalesPerf.Engine.Flows.Elsa;
using static SalesPerf.Engine.Tests.TestFlows;

namespace SalesPerf.Engine.Tests;

/// <summary>The shape of a flowchart: what an admin sees when the designer's flow cannot be published.</summary>
public class FlowValidationTests
{
    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        const string json = "{\n  \"definitionId\": \"broken\",\n  \"root\": { \"type\": \"Elsa.Flowchart\" \"activities\": [] }\n}";

        var result = FlowCompiler.Compile(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("definition", error.Location);
        Assert.StartsWith("is not valid JSON at line 3, position ", error.Message);
    }

    [Fact]
    public void A_definition_that_is_not_an_object_or_not_a_flowchart_is_refused()
    {
        Assert.Equal("definition: must be a JSON object", Assert.Single(FlowCompiler.Compile("[1, 2]").Errors).ToString());
        Assert.Equal("definition: the root activity must be an Elsa.Flowchart",
            Assert.Single(FlowCompiler.Compile("""{"root":{"type":"Elsa.Sequence","activities":[]}}""").Errors).ToString());
        Assert.Equal("definition: the flowchart has no activities",
            Assert.Single(FlowCompiler.Compile("""{"root":{"type":"Elsa.Flowchart"}}""").Errors).ToString());
    }

    [Fact]
    public void An_unknown_activity_type_is_named_and_located()
    {
        var json = EditDefault(root => root.Activities().Add(new JsonObject { ["id"] = "mail", ["name"] = "Send email", ["type"] = "Elsa.SendEmail" }));

        var error = AssertError(json,
            "activity 'Send email': unknown activity type \"Elsa.SendEmail\" (SalesPerf flows use a deal start, sales stages and a won end)");
        Assert.Equal("mail", error.ActivityId);
    }

    [Fact]
    public void A_flow_without_a_start_is_refused()
    {
        var json = EditDefault(root =>
        {
            root.Activities().Remove(root.Activity("start"));
            root.RemoveConnection("start", "Done");
        });

        AssertError(json, "flow: has no start: add a 'New deal' start activity and connect it to the first stage");
    }

    [Fact]
    public void A_flow_with_two_starts_is_refused_and_the_second_start_highlighted()
    {
        var json = EditDefault(root =>
        {
            root.Activities().Add(Start("start-2"));
            root.Connect("start-2", "Done", "needs-analysis");
        });

        var error = AssertError(json, "flow: has 2 start activities; a flow has exactly one");
        Assert.Equal("start-2", error.ActivityId);
    }

    [Fact]
    public void A_start_that_leads_nowhere_is_refused()
    {
        var json = EditDefault(root => root.RemoveConnection("start", "Done"));

        AssertError(json, "start: must be connected to exactly one first stage");
    }

    [Fact]
    public void A_stage_nobody_can_reach_is_refused()
    {
        var json = EditDefault(root =>
        {
            root.Activities().Add(Stage("storage-assessment"));
            root.Connect("storage-assessment", "Approved", "won");
        });

        var error = AssertError(json, "stage 'storage-assessment': cannot be reached from the start: connect it or delete it");
        Assert.Equal("storage-assessment", error.ActivityId);
    }

    [Fact]
    public void Two_stages_approving_into_each_other_form_a_loop()
    {
        // The admin wired "Contract signed → Approved" back to negotiation instead of to "Deal won".
        var json = EditDefault(root =>
        {
            root.RemoveConnection("contract", "Approved");
            root.Connect("contract", "Approved", "negotiation");
        });

        var result = FlowCompiler.Compile(json);

        // Only the approval loop is blamed; the healthy send-back pairs (demo → analysis, feedback → demo) are not.
        Assert.Equal(
        [
            "activity 'Deal won': cannot be reached from the start: connect it or delete it",
            "stage 'first-visit': has no path to 'won': every stage must be able to lead to a signed contract",
            "stage 'needs-analysis': has no path to 'won': every stage must be able to lead to a signed contract",
            "stage 'solution-demo': has no path to 'won': every stage must be able to lead to a signed contract",
            "stage 'customer-feedback': has no path to 'won': every stage must be able to lead to a signed contract",
            "stage 'negotiation': stages 'negotiation' → 'contract' → 'negotiation' form a loop with no way out to 'won'",
        ], result.Errors.Select(e => e.ToString()));
        Assert.Equal("negotiation", Assert.Single(result.Errors, e => e.Message.Contains("loop")).ActivityId);
    }

    [Fact]
    public void A_stage_leading_into_a_loop_has_no_path_to_won()
    {
        var json = Mini([Start(), Stage("a"), Stage("b"), Stage("c"), Won()],
            ("start", "Done", "a"), ("a", "Approved", "b"), ("b", "Approved", "c"), ("c", "Approved", "b"));

        var result = FlowCompiler.Compile(json);

        Assert.Equal(
        [
            "activity 'Deal won': cannot be reached from the start: connect it or delete it",
            "stage 'a': has no path to 'won': every stage must be able to lead to a signed contract",
            "stage 'b': stages 'b' → 'c' → 'b' form a loop with no way out to 'won'",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Two_stages_with_the_same_key_are_refused()
    {
        var json = EditDefault(root => root.Activity("solution-demo").SetInput("key", "needs-analysis"));

        var error = AssertError(json, "stage 'needs-analysis': the key is used by 2 stages; each stage needs its own key");
        Assert.Equal("solution-demo", error.ActivityId);
    }

    [Fact]
    public void An_activity_id_used_twice_is_refused()
    {
        var json = Mini([Start(), Stage("a"), Stage("a"), Won()], ("start", "Done", "a"), ("a", "Approved", "won"));

        AssertError(json, "activity 'a': the activity id 'a' is used twice");
    }

    [Fact]
    public void An_unconnected_approved_port_is_refused()
    {
        var json = EditDefault(root => root.RemoveConnection("negotiation", "Approved"));

        var error = AssertError(json, "stage 'negotiation': 'Approved' is not connected: connect it to the next stage or to Deal won");
        Assert.Equal("negotiation", error.ActivityId);
    }

    [Fact]
    public void An_approved_port_leading_to_two_activities_is_refused()
    {
        var json = EditDefault(root => root.Connect("negotiation", "Approved", "won"));

        AssertError(json, "stage 'negotiation': 'Approved' leads to several activities; it must lead to exactly one");
    }

    [Fact]
    public void Unknown_ports_and_connections_out_of_the_end_are_refused()
    {
        var json = EditDefault(root =>
        {
            root.Connect("solution-demo", "Rejected", "needs-analysis");
            root.Connect("won", "Done", "first-visit");
        });

        AssertError(json, "stage 'solution-demo': has no port \"Rejected\" (ports: Approved, SentBack)");
        AssertError(json, "activity 'Deal won': is an end: nothing can follow it");
    }

    [Fact]
    public void Sent_back_must_lead_to_a_stage_and_nothing_may_lead_back_to_the_start()
    {
        var json = EditDefault(root =>
        {
            root.Connect("negotiation", "SentBack", "won");
            root.Connect("first-visit", "SentBack", "start");
        });

        AssertError(json, "stage 'negotiation': 'Sent back' must lead to a stage the rep redoes");
        AssertError(json, "stage 'first-visit': connects back to the start; connect it to a stage instead");
    }

    [Fact]
    public void A_connection_to_a_missing_activity_is_refused()
    {
        var json = EditDefault(root => root.Connect("solution-demo", "SentBack", "site-survey"));

        AssertError(json, "connection solution-demo → site-survey: refers to an activity that does not exist");
    }

    [Fact]
    public void A_flow_without_a_won_end_is_refused()
    {
        var json = EditDefault(root =>
        {
            root.Activities().Remove(root.Activity("won"));
            root.RemoveConnectionsTo("won");
        });

        AssertError(json, "flow: has no 'won' end: add a Deal won activity after the contract stage");
    }
}
