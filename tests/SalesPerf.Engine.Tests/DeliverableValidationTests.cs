using SalesPerf.Engine.Deals;
using SalesPerf.Engine.Flows;
using static SalesPerf.Engine.Tests.DeliverableBuilder;

namespace SalesPerf.Engine.Tests;

/// <summary>A stage's completion criteria checked against what the rep hands in.</summary>
public class DeliverableValidationTests
{
    private static Stage StageOf(string key) => TestFlows.Default[key];

    private static FieldError Only(string stageKey, Deliverable d) => Assert.Single(DeliverableValidator.Validate(StageOf(stageKey), d));

    [Theory]
    [InlineData("first-visit")]
    [InlineData("needs-analysis")]
    [InlineData("solution-demo")]
    [InlineData("customer-feedback")]
    [InlineData("negotiation")]
    [InlineData("contract")]
    public void A_complete_deliverable_meets_every_stages_criteria(string stageKey) =>
        Assert.Empty(DeliverableValidator.Validate(StageOf(stageKey), ValidFor(stageKey)));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_required_field_left_empty_is_required(string? value)
    {
        var d = value is null ? ValidFor("first-visit").Without("attendees") : ValidFor("first-visit").Value("attendees", value);

        Assert.Equal(new FieldError("attendees", "required", "Customer attendees is required"), Only("first-visit", d));
    }

    [Fact]
    public void Text_shorter_than_its_minimum_says_how_long_it_is()
    {
        var error = Only("needs-analysis", ValidFor("needs-analysis").Value("demandForecast", "  Grows a bit  "));

        Assert.Equal(new FieldError("demandForecast", "tooShort", "3-year demand forecast needs at least 30 characters (has 11)"), error);
    }

    [Fact]
    public void Numbers_must_parse_and_be_in_range()
    {
        Assert.Equal(new FieldError("peakLoadKw", "notANumber", "Peak load must be a number"),
            Only("needs-analysis", ValidFor("needs-analysis").Value("peakLoadKw", "8.5 MW")));
        Assert.Equal(new FieldError("peakLoadKw", "outOfRange", "Peak load must be between 0 and 10000000"),
            Only("needs-analysis", ValidFor("needs-analysis").Value("peakLoadKw", "-1")));
        Assert.Equal(new FieldError("proposedValue", "outOfRange", "Quoted value must be between 0 and ∞"),
            Only("negotiation", ValidFor("negotiation").Value("proposedValue", "-100")));
        Assert.Empty(DeliverableValidator.Validate(StageOf("needs-analysis"), ValidFor("needs-analysis").Value("forecastGrowthPct", "-100")));
    }

    [Theory]
    [InlineData("20/03/2026")]
    [InlineData("2026-02-30")]
    [InlineData("next week")]
    public void Dates_must_be_real_iso_dates(string value)
    {
        Assert.Equal(new FieldError("demoDate", "notADate", "Demo date must be a date (yyyy-MM-dd)"),
            Only("solution-demo", ValidFor("solution-demo").Value("demoDate", value)));
    }

    [Fact]
    public void A_choice_must_be_one_of_its_options()
    {
        Assert.Equal(new FieldError("customerType", "notAnOption", "Customer type must be one of: grid, industrial, newEnergy"),
            Only("first-visit", ValidFor("first-visit").Value("customerType", "Industrial")));
    }

    [Fact]
    public void A_checklist_lists_what_is_still_to_do()
    {
        Assert.Equal(new FieldError("handover", "incomplete", "Hand-over to the technical team: still to do — Revision plan agreed"),
            Only("customer-feedback", ValidFor("customer-feedback").Check("handover", "notified")));
        Assert.Equal(new FieldError("handover", "incomplete", "Hand-over to the technical team: still to do — Technical team notified, Revision plan agreed"),
            Only("customer-feedback", ValidFor("customer-feedback").Without("handover")));
        Assert.Equal(new FieldError("handover", "notAnOption", "'emailed' is not an item of Hand-over to the technical team"),
            Only("customer-feedback", ValidFor("customer-feedback").Check("handover", "notified", "plan", "emailed")));
    }

    [Fact]
    public void Files_are_required_and_must_have_an_allowed_type()
    {
        Assert.Equal(new FieldError("report", "required", "Needs-analysis report: attach a file"),
            Only("needs-analysis", ValidFor("needs-analysis").Without("report")));
        Assert.Equal(new FieldError("contractFile", "fileType", "contract.docx: Signed contract accepts pdf files"),
            Only("contract", ValidFor("contract").File("contractFile", "contract.docx")));
        Assert.Equal(new FieldError("presentation", "fileType", "slides: Presentation accepts pdf, pptx files"),
            Only("solution-demo", ValidFor("solution-demo").File("presentation", "slides")));
    }

    [Fact]
    public void File_extensions_are_matched_without_regard_to_case()
    {
        Assert.Empty(DeliverableValidator.Validate(StageOf("contract"), ValidFor("contract").File("contractFile", "SCAN-2026.PDF")));
    }

    [Fact]
    public void An_optional_file_may_be_left_out_but_not_of_the_wrong_type()
    {
        Assert.Empty(DeliverableValidator.Validate(StageOf("negotiation"), ValidFor("negotiation").Without("quote")));
        Assert.Equal("fileType", Only("negotiation", ValidFor("negotiation").File("quote", "quote.png")).Code);
    }

    [Fact]
    public void An_optional_field_is_still_checked_when_filled_in()
    {
        var criteria = """[{"key":"budget","labelEn":"Budget","type":"number","min":0,"required":false}]""";
        var stage = TestFlows.CompileOrFail(TestFlows.SingleStage(TestFlows.Stage("visit", criteria: criteria)))["visit"];

        Assert.Empty(DeliverableValidator.Validate(stage, new DeliverableBuilder()));
        Assert.Equal(new FieldError("budget", "notANumber", "Budget must be a number"),
            Assert.Single(DeliverableValidator.Validate(stage, new DeliverableBuilder().Value("budget", "a lot"))));
    }

    [Fact]
    public void Values_for_fields_the_stage_does_not_have_are_refused()
    {
        var error = Only("negotiation", ValidFor("negotiation").Value("budget", "500000"));

        Assert.Equal(new FieldError("budget", "unknown", "'budget' is not a field of stage 'negotiation'"), error);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = DeliverableValidator.Validate(StageOf("first-visit"), new DeliverableBuilder().Value("customerType", "farm"));

        Assert.Equal(
            [("visitDate", "required"), ("attendees", "required"), ("customerProfile", "required"), ("customerType", "notAnOption"), ("nextStep", "required")],
            errors.Select(e => (e.Field, e.Code)));
    }
}
