using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Api;

/// <summary>Turns engine errors into RFC 7807 problem details: invalid 400, forbidden 403, conflict 409, hidden 404.</summary>
public static class DealProblems
{
    public static IResult NotFound() => Results.Problem(statusCode: 404, title: "Deal not found.",
        detail: "There is no such deal, or it belongs to someone whose deals you cannot see.");

    public static IResult From(DealError error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields is { Count: > 0 } fields)
            return Results.ValidationProblem(
                fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()),
                title: error.Message, statusCode: error.Kind == DealErrorKind.Conflict ? 409 : 400, extensions: extensions);
        var status = error.Kind switch
        {
            DealErrorKind.Forbidden => 403,
            DealErrorKind.Conflict => 409,
            _ => 400,
        };
        return Results.Problem(statusCode: status, title: error.Message, extensions: extensions);
    }
}
