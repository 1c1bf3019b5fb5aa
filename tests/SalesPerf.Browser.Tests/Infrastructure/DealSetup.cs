using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SalesPerf.Browser.Tests.Infrastructure;

/// <summary>Brings deals to a starting point through the real API (create, submit a stage as a diligent rep, approve).</summary>
public static class DealSetup
{
    public static async Task<string> CreateDealAsync(this HttpClient rep, string title, string customerType = "grid")
    {
        var response = await rep.PostAsJsonAsync("/api/deals", new { title, customer = "State Grid Hebei", customerType, estimatedValue = 1_200_000 });
        return (await ReadAsync(response))["summary"]!["id"]!.GetValue<string>();
    }

    /// <summary>Fills every criterion of the current stage with valid values (files: the shipped xlsx template or a small PDF) and submits.</summary>
    public static async Task SubmitCurrentStageAsync(this HttpClient rep, string dealId)
    {
        var current = (await ReadAsync(await rep.GetAsync($"/api/deals/{dealId}")))["current"]!;
        var values = new Dictionary<string, string>();
        var ticked = new Dictionary<string, List<string>>();
        var files = new List<string>();
        foreach (var field in current["criteria"]!.AsArray())
        {
            var key = field!["key"]!.GetValue<string>();
            switch (field["type"]!.GetValue<string>())
            {
                case "text": values[key] = new string('x', Math.Max(10, field["minLength"]?.GetValue<int>() ?? 0)); break;
                case "number": values[key] = ((field["min"]?.GetValue<decimal>() ?? 0) + 1).ToString(CultureInfo.InvariantCulture); break;
                case "date": values[key] = "2026-03-02"; break;
                case "choice": values[key] = field["options"]![0]!["value"]!.GetValue<string>(); break;
                case "checklist": ticked[key] = field["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToList(); break;
                case "file":
                    var types = field["fileTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
                    var (name, content) = types.Contains("xlsx") ? ("report.xlsx", await File.ReadAllBytesAsync(XlsxTemplate)) : ("report.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
                    using (var form = new MultipartFormDataContent())
                    {
                        var part = new ByteArrayContent(content);
                        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                        form.Add(part, "file", name);
                        files.Add((await ReadAsync(await rep.PostAsync($"/api/deals/{dealId}/files?field={key}", form)))["id"]!.GetValue<string>());
                    }
                    break;
            }
        }
        await ReadAsync(await rep.PostAsJsonAsync($"/api/deals/{dealId}/submissions",
            new { stageKey = current["key"]!.GetValue<string>(), values, @checked = ticked, files }));
    }

    public static async Task ApprovePendingAsync(this HttpClient manager, string dealId)
    {
        var no = (await ReadAsync(await manager.GetAsync($"/api/deals/{dealId}")))["current"]!["pendingSubmissionNo"]!.GetValue<int>();
        await ReadAsync(await manager.PostAsJsonAsync($"/api/deals/{dealId}/submissions/{no}/approve", new { }));
    }

    /// <summary>The shipped needs-analysis workbook (a real .xlsx), copied next to the app by its build.</summary>
    public static string XlsxTemplate => Path.Combine(AppContext.BaseDirectory, "templates", "deliverables", "needs-analysis-report.xlsx");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }
}
