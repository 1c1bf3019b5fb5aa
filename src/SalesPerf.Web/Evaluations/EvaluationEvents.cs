using System.Text.Json;
using System.Text.Json.Serialization;
using SalesPerf.Engine.Deals;
using SalesPerf.Web.Deals;

namespace SalesPerf.Web.Evaluations;

/// <summary>
/// Deal events as the evaluation reads them: as stored, except that a submission's deliverable (field values, checklists,
/// files: most of the stored bytes) is left out as <see cref="Deliverable.Empty"/>. The evaluation and the projection it
/// uses only need which stage was submitted when; reading the deliverables made up most of the time of closing a period.
/// </summary>
public static class EvaluationEvents
{
    private static readonly string Submitted = DealEventSerializer.TypeName(typeof(DeliverableSubmitted));

    /// <param name="type">The stored discriminator (<c>DealEventRecord.Type</c>).</param>
    public static DealEvent Deserialize(string type, string json)
    {
        if (type != Submitted) return DealEventSerializer.Deserialize(json);
        var s = JsonSerializer.Deserialize(json, SubmissionJsonContext.Default.SubmissionHeader)!;
        return new DeliverableSubmitted(s.StageKey, s.SubmissionNo, Deliverable.Empty) { At = s.At, ActorId = s.ActorId };
    }
}

/// <summary>A stored <see cref="DeliverableSubmitted"/> without its deliverable (the JSON's other properties are skipped).</summary>
internal sealed record SubmissionHeader(string StageKey, int SubmissionNo, DateTimeOffset At, string ActorId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubmissionHeader))]
internal sealed partial class SubmissionJsonContext : JsonSerializerContext;
