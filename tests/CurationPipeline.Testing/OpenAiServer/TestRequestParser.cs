using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CurationPipeline.Testing;

/// <summary>Reads an OpenAI chat completion request body into a <see cref="TestChatRequest"/>.</summary>
internal static class TestRequestParser
{
    public static TestChatRequest Parse(string body, IHeaderDictionary headers, long sequence)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            throw new InvalidOperationException("streaming is not served by the test server");
        }

        var messages = root.GetProperty("messages").EnumerateArray()
            .Select(m => new TestMessage(m.GetProperty("role").GetString()!, ContentOf(m)))
            .ToList();
        string? formatType = null;
        JsonElement? schema = null;
        if (root.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            formatType = format.GetProperty("type").GetString();
            if (format.TryGetProperty("json_schema", out var js) && js.TryGetProperty("schema", out var s))
            {
                schema = s.Clone();
            }
        }

        return new TestChatRequest
        {
            Sequence = sequence,
            ReceivedAt = DateTimeOffset.UtcNow,
            Model = root.GetProperty("model").GetString()!,
            Messages = messages,
            Temperature = Number(root, "temperature"),
            TopP = Number(root, "top_p"),
            Seed = root.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number ? seed.GetInt64() : null,
            MaxTokens = (int?)(Number(root, "max_completion_tokens") ?? Number(root, "max_tokens")),
            ResponseFormatType = formatType,
            JsonSchema = schema,
            Stop = root.TryGetProperty("stop", out var stop)
                ? stop.ValueKind == JsonValueKind.Array ? stop.EnumerateArray().Select(s => s.GetString()!).ToList() : [stop.GetString()!]
                : [],
            Headers = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
            RawBody = body,
        };
    }

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string ContentOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString()));
    }
}
