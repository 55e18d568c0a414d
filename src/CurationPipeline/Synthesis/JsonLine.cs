using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CurationPipeline.Synthesis;

/// <summary>One JSONL line with properties in the order given and Chinese text left readable.</summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(params (string Key, JsonNode? Value)[] properties)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in properties)
        {
            obj[key] = value;
        }

        return obj.ToJsonString(Options);
    }

    public static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
