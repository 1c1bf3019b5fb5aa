using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SalesPerf.Web.Tests.Infrastructure;

/// <summary>Fills the current stage's criteria the way a diligent rep would: reads them from the API, uploads real files, submits.</summary>
public static class StageFiller
{
    public static async Task<HttpResponseMessage> SubmitCurrentStageAsync(this ApiClient rep, string dealId, Action<Dictionary<string, string>>? tweak = null)
    {
        var deal = await rep.GetJsonAsync($"/api/deals/{dealId}");
        var current = deal["current"]!;
        var values = new Dictionary<string, string>();
        var ticked = new Dictionary<string, List<string>>();
        var files = new List<string>();
        foreach (var field in current["criteria"]!.AsArray())
        {
            var key = field!["key"].Str();
            switch (field["type"].Str())
            {
                case "text":
                    values[key] = new string('x', Math.Max(10, field["minLength"]?.GetValue<int>() ?? 0)) + " 客户需求";
                    break;
                case "number":
                    values[key] = ((field["min"]?.GetValue<decimal>() ?? 0) + 100).ToString(CultureInfo.InvariantCulture);
                    break;
                case "date":
                    values[key] = "2026-03-02";
                    break;
                case "choice":
                    values[key] = field["options"]![0]!["value"].Str();
                    break;
                case "checklist":
                    ticked[key] = field["options"]!.AsArray().Select(o => o!["value"].Str()).ToList();
                    break;
                case "file":
                    var type = field["fileTypes"]![0].Str();
                    var upload = await rep.UploadAsync(dealId, key, $"{key}.{type}", SampleFile(type));
                    files.Add((await ApiClient.ReadAsync(upload, expectSuccess: true))["id"].Str());
                    break;
            }
        }
        tweak?.Invoke(values);
        return await rep.PostAsync($"/api/deals/{dealId}/submissions", new { stageKey = current["key"].Str(), values, @checked = ticked, files });
    }

    public static async Task<HttpResponseMessage> UploadAsync(this ApiClient rep, string dealId, string field, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        return await rep.Http.PostAsync($"/api/deals/{dealId}/files?field={field}", form);
    }

    /// <summary>A small real file of the type: a PDF header, or a real zip package for Office files.</summary>
    public static byte[] SampleFile(string type)
    {
        if (type is "xlsx" or "docx" or "pptx")
        {
            using var memory = new MemoryStream();
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                writer.Write("<?xml version=\"1.0\"?><Types/>");
            return memory.ToArray();
        }
        if (type is "jpg" or "jpeg") return [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        if (type is "png") return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        return "%PDF-1.4\n% SalesPerf test\n%%EOF\n"u8.ToArray();
    }

    public static int PendingSubmission(this JsonNode deal) => deal["current"]!["pendingSubmissionNo"]!.GetValue<int>();
}
