using System.Net;
using System.Text.Json.Nodes;
using SalesPerf.Web.Tests.Infrastructure;

namespace SalesPerf.Web.Tests.Admin;

/// <summary>The holiday calendar reaches the engine at once; customer types are maintained and enforced for new deals.</summary>
public sealed class CalendarAndCustomerTypeTests : AdminPageTests
{
    [Fact]
    public async Task A_holiday_added_moves_the_business_day_deadline_of_a_stage_that_starts_afterwards_but_not_of_a_running_one()
    {
        var (before, dueBefore) = await App.NeedsAnalysisStartedAsync("Before the holiday");
        // Monday 2026-03-02 + 5 business days = Monday 2026-03-09 (same time of day).
        Assert.Equal(TestApp.Start.AddDays(7), dueBefore);
        var html = await AsAdmin.SubmitAsync("/Admin/Calendar?year=2026", "Add",
            new() { ["from"] = "2026-03-04", ["to"] = "2026-03-05", ["kind"] = "holiday", ["name"] = "Company retreat" });
        Assert.Contains("Company retreat", html);
        Assert.Contains("running stages keep their due times", html);

        var (_, dueAfter) = await App.NeedsAnalysisStartedAsync("After the holiday");
        Assert.Equal(TestApp.Start.AddDays(9), dueAfter); // two business days later: Wednesday 2026-03-11
        var rep = await App.SignInEnAsync("rA");
        Assert.Equal(dueBefore, (await rep.GetJsonAsync($"/api/deals/{before}"))["current"]!["dueAt"]!.GetValue<DateTimeOffset>());

        // Removing one of the days again gives new stages one day back.
        await AsAdmin.SubmitAsync("/Admin/Calendar?year=2026", "Remove", new() { ["date"] = "2026-03-05" });
        var (_, dueRemoved) = await App.NeedsAnalysisStartedAsync("After removing a day");
        Assert.Equal(TestApp.Start.AddDays(8), dueRemoved);
    }

    [Fact]
    public async Task A_make_up_working_day_must_be_a_weekend_day_and_bad_ranges_are_refused()
    {
        var weekday = await AsAdmin.SubmitAsync("/Admin/Calendar?year=2026", "Add", new() { ["from"] = "2026-03-03", ["kind"] = "workday", ["name"] = "Make-up" });
        Assert.Contains("2026-03-03 is a weekday and already a working day", weekday);
        var backwards = await AsAdmin.SubmitAsync("/Admin/Calendar?year=2026", "Add", new() { ["from"] = "2026-03-10", ["to"] = "2026-03-01", ["kind"] = "holiday", ["name"] = "X" });
        Assert.Contains("The last day is before the first.", backwards);
        var saturday = await AsAdmin.SubmitAsync("/Admin/Calendar?year=2026", "Add", new() { ["from"] = "2026-03-07", ["kind"] = "workday", ["name"] = "Saturday shift" });
        Assert.Contains("Saturday shift", saturday);
    }

    [Fact]
    public async Task Customer_types_are_seeded_added_renamed_archived_and_deleted_and_new_deals_must_use_an_active_one()
    {
        var page = await AsAdmin.HtmlAsync("/Admin/CustomerTypes");
        Assert.Contains("电网公司", page);
        Assert.Contains("newEnergy", page);

        var added = await AsAdmin.SubmitAsync("/Admin/CustomerTypes", "Add", new() { ["key"] = "dataCenter", ["nameZh"] = "数据中心", ["nameEn"] = "Data center", ["sortOrder"] = "40" });
        Assert.Contains("Customer type dataCenter was added.", added);
        var rep = await App.SignInEnAsync("rA");
        var ok = await rep.PostAsync("/api/deals", new { title = "DC power", customer = "Cloud Co", customerType = "dataCenter", estimatedValue = 10 });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var unknown = await rep.PostAsync("/api/deals", new { title = "Farm", customer = "Farm Co", customerType = "farm", estimatedValue = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await ApiClient.ReadAsync(unknown);
        Assert.Contains("Customer type must be one of: grid, industrial, newEnergy, dataCenter", problem["errors"]!["customerType"]![0].Str());

        var duplicate = await AsAdmin.SubmitAsync("/Admin/CustomerTypes", "Add", new() { ["key"] = "grid", ["nameZh"] = "x", ["nameEn"] = "x", ["sortOrder"] = "1" });
        Assert.Contains("There is already a customer type with the key grid.", duplicate);
        var renamed = await AsAdmin.SubmitAsync("/Admin/CustomerTypes", "Update", new() { ["key"] = "dataCenter", ["nameZh"] = "数据中心 IDC", ["nameEn"] = "Data centre", ["sortOrder"] = "5", ["archived"] = "true" });
        Assert.Contains("Data centre", renamed);
        var afterArchive = await rep.PostAsync("/api/deals", new { title = "DC 2", customer = "Cloud Co", customerType = "dataCenter", estimatedValue = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, afterArchive.StatusCode);

        var inUse = await AsAdmin.SubmitAsync("/Admin/CustomerTypes", "Delete", new() { ["key"] = "dataCenter" });
        Assert.Contains("1 deal(s) use this type: archive it instead", inUse);
        await AsAdmin.SubmitAsync("/Admin/CustomerTypes", "Add", new() { ["key"] = "unused", ["nameZh"] = "未用", ["nameEn"] = "Unused", ["sortOrder"] = "90" });
        var deleted = await AsAdmin.SubmitAsync("/Admin/CustomerTypes", "Delete", new() { ["key"] = "unused" });
        Assert.Contains("Customer type unused was deleted.", deleted);
        Assert.DoesNotContain("id=\"type-unused\"", deleted);
    }

    [Fact]
    public async Task Admin_forms_need_the_antiforgery_token()
    {
        var r = await AsAdmin.PostFormAsync("/Admin/CustomerTypes", "/Admin/CustomerTypes?handler=Add",
            new Dictionary<string, string> { ["key"] = "sneaky", ["nameZh"] = "x", ["nameEn"] = "x" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.DoesNotContain("sneaky", await AsAdmin.HtmlAsync("/Admin/CustomerTypes"));
    }
}
