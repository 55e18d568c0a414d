using System.Text.Json;

namespace CurationPipeline.Sources;

/// <summary>Flattens a JSON object into string fields: strings as they are, other values as JSON text.</summary>
internal static class JsonFields
{
    /// <summary>The record of a JSON value: an object's fields, anything else a reject.</summary>
    public static RawRecord Record(string where, JsonElement element, string fallbackId) =>
        element.ValueKind == JsonValueKind.Object
            ? RawRecord.Ok(where, Of(element), fallbackId)
            : RawRecord.Bad(where, $"is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");

    public static Dictionary<string, string> Of(JsonElement obj)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.String:
                    fields[p.Name] = p.Value.GetString()!;
                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    break;
                default:
                    fields[p.Name] = p.Value.GetRawText();
                    break;
            }
        }

        return fields;
    }
}
