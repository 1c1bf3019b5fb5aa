using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesPerf.Engine.Deals;

namespace SalesPerf.Web.Deals;

/// <summary>
/// The stored JSON form of deal events (camelCase, enums as strings, discriminator "type"). Source-generated,
/// because events are read and written on every transition; non-ASCII text is stored unescaped (it is data, not HTML).
/// </summary>
public static class DealEventSerializer
{
    private static readonly DealEventJsonContext Context = new(new JsonSerializerOptions(DealEventJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    });

    public static JsonSerializerOptions Options => Context.Options;

    public static string Serialize(DealEvent e) => JsonSerializer.Serialize(e, Context.DealEvent);
    public static DealEvent Deserialize(string json) => JsonSerializer.Deserialize(json, Context.DealEvent)!;

    /// <summary>
    /// The discriminator, stored in its own column so histories can be filtered without parsing: the same name the
    /// JSON carries (the event types' <c>[JsonDerivedType]</c> list), read once from the serializer's metadata.
    /// </summary>
    public static string TypeName(DealEvent e) => TypeName(e.GetType());

    public static string TypeName(Type eventType) => TypeNames.GetValueOrDefault(eventType) ?? eventType.Name;

    private static readonly Dictionary<Type, string> TypeNames = Context.DealEvent.PolymorphismOptions!.DerivedTypes
        .Where(d => d.TypeDiscriminator is string)
        .ToDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DealEvent))]
internal sealed partial class DealEventJsonContext : JsonSerializerContext;
