using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesPerf.Web.Accounts;
using SalesPerf.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace SalesPerf.Web.Tests.Evaluations;

/// <summary>Seeds a March of work through the real API and reads PDFs back with PdfPig.</summary>
internal static class EvaluationTestKit
{
    public const string March = "from=2026-03-01&to=2026-03-31";
    public const string ChineseName = "张伟";

    public static async Task RenameAsync(this TestApp app, string key, string displayName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(app.UserIds[key]) ?? throw new InvalidOperationException(key);
        user.DisplayName = displayName;
        await users.UpdateAsync(user);
    }

    public static async Task<string> AddUserAsync(this TestApp app, string key, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"{key}@test.local", Email = $"{key}@test.local", DisplayName = key, Culture = "en" };
        var created = await users.CreateAsync(user, TestApp.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(";", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return app.UserIds[key] = user.Id;
    }

    /// <summary>
    /// rA's March (clock from Mon 2 March 09:00 Shanghai): first visit on time; needs analysis late, rep-caused, then
    /// re-classified to customer by mN; solution demo late, rep-caused; a follow-up. Returns the deal id.
    /// </summary>
    public static async Task<string> SeedMarchAsync(TestApp app, ApiClient rep, ApiClient manager)
    {
        var id = await rep.CreateDealAsync("配电网改造 Grid upgrade");
        await rep.PostJsonAsync($"/api/deals/{id}/follow-ups", new { content = "Site visit with the plant manager", customerNeeds = "Load data" });
        app.Clock.Advance(TimeSpan.FromDays(1));
        await SubmitAndApproveAsync(rep, manager, id);
        app.Clock.Advance(TimeSpan.FromDays(10));
        await rep.PostJsonAsync($"/api/deals/{id}/delay-reasons", new { reason = "客户未提供完整的用电数据", attribution = "rep" });
        await SubmitAndApproveAsync(rep, manager, id);
        await manager.PostJsonAsync($"/api/deals/{id}/delay-reasons/1/reclassify", new { attribution = "customer", comment = "Confirmed: the customer's data came late" });
        app.Clock.Advance(TimeSpan.FromDays(16));
        await rep.PostJsonAsync($"/api/deals/{id}/delay-reasons", new { reason = "Demo room not booked in time", attribution = "rep" });
        await SubmitAndApproveAsync(rep, manager, id);
        return id;
    }

    public static async Task SubmitAndApproveAsync(ApiClient rep, ApiClient manager, string dealId)
    {
        var submitted = await ApiClient.ReadAsync(await rep.SubmitCurrentStageAsync(dealId), expectSuccess: true);
        await manager.PostJsonAsync($"/api/deals/{dealId}/submissions/{submitted.PendingSubmission()}/approve", new { });
    }

    public static async Task<byte[]> PdfAsync(this ApiClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>All the text of a PDF without whitespace (layout may split words; characters must be the right ones).</summary>
    public static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return Squash(string.Concat(doc.GetPages().Select(p => p.Text)));
    }

    public static int PageCount(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.NumberOfPages;
    }

    public static string Squash(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static async Task<JsonArray> LedgerAsync(ApiClient client, string dealId) => (await client.GetJsonAsync($"/api/deals/{dealId}/score")).AsArray();
}
