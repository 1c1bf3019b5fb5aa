using System.Text.Json;
using System.Text.Json.Serialization;
using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Deals;

/// <summary>The stored JSON form of deal events (camelCase, enums as strings, type discriminator "type").</summary>
public static class DealEventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(DealEvent e) => JsonSerializer.Serialize(e, Options);
    public static DealEvent Deserialize(string json) => JsonSerializer.Deserialize<DealEvent>(json, Options)!;

    /// <summary>The discriminator, stored in its own column so histories can be filtered without parsing.</summary>
    public static string TypeName(DealEvent e) => e switch
    {
        DealCreated => "created",
        StageStarted => "stageStarted",
        FollowUpLogged => "followUpLogged",
        DeliverableSubmitted => "submitted",
        SubmissionApproved => "approved",
        SubmissionSentBack => "sentBack",
        DelayReasonRecorded => "delayRecorded",
        DelayReclassified => "delayReclassified",
        DealWon => "won",
        DealLost => "lost",
        DealPutOnHold => "onHold",
        DealResumed => "resumed",
        DueItemFired => "dueFired",
        _ => e.GetType().Name,
    };
}
