using System.Text.Json;
using System.Text.Json.Serialization;
using SalesPerf.Engine.Evaluation;

namespace SalesPerf.Web.Evaluations.Closing;

/// <summary>How a closed period's <see cref="TeamEvaluation"/> is stored: System.Text.Json, enums by name, every figure as computed.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(TeamEvaluation evaluation) => JsonSerializer.Serialize(evaluation, Options);

    public static TeamEvaluation Deserialize(string json) =>
        JsonSerializer.Deserialize<TeamEvaluation>(json, Options) ?? throw new InvalidDataException("An empty closed-period snapshot.");
}
