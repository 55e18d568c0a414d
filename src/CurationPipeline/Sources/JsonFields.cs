using System.Text.Json;

namespace CurationPipeline.Sources;

/// <summary>Flattens a JSON object into string fields: strings as they are, other values as JSON text.</summary>
internal static class JsonFields
{
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
