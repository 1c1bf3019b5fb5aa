using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesPerf.Web.Tests.Infrastructure;

/// <summary>Thin JSON helper over HttpClient; answers are read as JsonNode so tests assert on what the API really sends.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> PostAsync(string url, object body) => Http.PostAsJsonAsync(url, body);
    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await ReadAsync(response, expectSuccess: true);
    }

    public async Task<JsonNode> PostJsonAsync(string url, object body)
    {
        var response = await Http.PostAsJsonAsync(url, body);
        return await ReadAsync(response, expectSuccess: true);
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, bool expectSuccess = false)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (expectSuccess && !response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text) ?? new JsonObject();
    }

    public async Task<string> CreateDealAsync(string title = "Grid upgrade", string? repId = null, string? flow = null)
    {
        var deal = await PostJsonAsync("/api/deals", new { title, customer = "State Grid Hebei", customerType = "grid", repId, estimatedValue = 1_200_000, flowDefinitionId = flow });
        return deal["summary"]!["id"]!.GetValue<string>();
    }
}

public static class Json
{
    public static string Str(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing value");
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
