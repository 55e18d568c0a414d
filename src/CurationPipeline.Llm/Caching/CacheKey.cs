using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// The response cache key: SHA-256 over a canonical JSON of the model, the messages and every option
/// that changes the answer, with the endpoint's defaults filled in. The trial number counts only when
/// sampling (temperature above zero or left to the server).
/// </summary>
public static class CacheKey
{
    private const int Version = 1;

    public static string Compute(string model, EndpointOptions? defaults, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("v", Version);
            w.WriteString("model", model);
            w.WriteStartArray("messages");
            foreach (var m in messages)
            {
                w.WriteStartObject();
                w.WriteString("role", m.Role.Value);
                if (m.AuthorName is { } author)
                {
                    w.WriteString("name", author);
                }

                w.WriteStartArray("content");
                foreach (var c in m.Contents)
                {
                    if (c is TextContent t)
                    {
                        w.WriteStringValue(t.Text);
                    }
                    else
                    {
                        w.WriteStringValue(c.GetType().Name + ":" + JsonSerializer.Serialize(c, AIJsonUtilities.DefaultOptions));
                    }
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var temperature = options?.Temperature ?? defaults?.Temperature;
            Number(w, "temperature", temperature);
            Number(w, "top_p", options?.TopP);
            Number(w, "top_k", options?.TopK);
            Number(w, "seed", options?.Seed ?? defaults?.Seed);
            Number(w, "max_tokens", options?.MaxOutputTokens ?? defaults?.MaxTokens);
            Number(w, "frequency_penalty", options?.FrequencyPenalty);
            Number(w, "presence_penalty", options?.PresencePenalty);
            if (options?.StopSequences is { Count: > 0 } stops)
            {
                w.WriteStartArray("stop");
                foreach (var s in stops)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
            }

            if (options?.Instructions is { } instructions)
            {
                w.WriteString("instructions", instructions);
            }

            switch (options?.ResponseFormat)
            {
                case ChatResponseFormatJson json:
                    w.WriteString("format", "json");
                    w.WriteString("schema", json.Schema?.GetRawText());
                    w.WriteString("schema_name", json.SchemaName);
                    w.WriteString("schema_description", json.SchemaDescription);
                    break;
                case ChatResponseFormatText:
                    w.WriteString("format", "text");
                    break;
            }

            if (temperature is not 0f && options?.AdditionalProperties?.TryGetValue(ResponseProperties.Trial, out var trial) == true && trial is not null)
            {
                w.WriteString("trial", Convert.ToString(trial, System.Globalization.CultureInfo.InvariantCulture));
            }

            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}
