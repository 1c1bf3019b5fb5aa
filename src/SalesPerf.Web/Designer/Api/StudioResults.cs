using System.Text.Json;
using System.Text.Json.Nodes;
using SalesPerf.Web.Designer.Definitions;

namespace SalesPerf.Web.Designer.Api;

/// <summary>
/// Answers in the shapes the Studio's client expects. Failures are problem+json with an "errors" map: the Studio's
/// client turns exactly that into the messages it shows the admin (its Refit ValidationApiException).
/// </summary>
internal static class StudioResults
{
    public const string ApiBase = "/elsa/api";

    public static IResult Definition(DefinitionResult result) => result.Succeeded
        ? Results.Json(DefinitionDocument.ForStudio(result.Row!, ApiBase))
        : Problem(result);

    public static IResult Saved(DefinitionResult result) => result.Succeeded
        ? Results.Json(new JsonObject
        {
            ["workflowDefinition"] = DefinitionDocument.ForStudio(result.Row!, ApiBase),
            ["alreadyPublished"] = result.AlreadyPublished,
            ["consumingWorkflowCount"] = 0,
        })
        : Problem(result);

    public static IResult Problem(DefinitionResult result)
    {
        var status = result.Problem switch
        {
            DefinitionProblem.NotFound => StatusCodes.Status404NotFound,
            DefinitionProblem.Stale or DefinitionProblem.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var errors = result.Errors is { Count: > 0 } located
            ? located.GroupBy(e => e.Location).ToDictionary(g => g.Key, g => g.Select(e => $"{g.Key}: {e.Message}").ToArray())
            : new Dictionary<string, string[]> { ["definition"] = [result.Message ?? "The request failed."] };
        return Results.ValidationProblem(errors, title: result.Message, statusCode: status);
    }

    public static IResult Invalid(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [message] }, title: message);

    public static IResult List(IEnumerable<JsonNode> items)
    {
        var array = new JsonArray([.. items]);
        return Results.Json(new JsonObject { ["items"] = array, ["count"] = array.Count, ["totalCount"] = array.Count });
    }

    /// <summary>Reads a JSON object body; malformed JSON becomes a located 400, never an exception.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            return node is JsonObject o ? (o, null) : (null, Invalid("The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, Invalid($"The body is not valid JSON{where}."));
        }
    }
}
