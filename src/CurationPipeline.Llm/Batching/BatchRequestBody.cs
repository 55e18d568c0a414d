using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Writes a batch line's request body without going through the SDK's HTTP pipeline (which would hold tens of
/// kilobytes per request for as long as the batch runs): the body the OpenAI SDK, through Microsoft.Extensions.AI,
/// sends for the same request, for what this project asks (text messages, sampling options, stop sequences, a
/// response format). Anything else (tools, other content, a raw representation) is left to the SDK
/// (<see cref="TryWrite"/> returns null). Tests hold the two bodies equal over every option written here.
/// </summary>
internal static class BatchRequestBody
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body, or <c>null</c> when the request needs the SDK to write it.</summary>
    public static byte[]? TryWrite(EndpointOptions endpoint, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var o = EndpointDefaults.Apply(endpoint, options);
        if (o.Tools is { Count: > 0 } || o.ToolMode is not null || o.AllowMultipleToolCalls is not null || o.ConversationId is not null
            || o.RawRepresentationFactory is not null || o.Reasoning is not null || o.ContinuationToken is not null || o.AllowBackgroundResponses is not null
            || o.ResponseFormat is ChatResponseFormatText)
        {
            return null;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            // The SDK's property order, so that a body reads as the SDK's would.
            w.WriteStartObject();
            if (o.Temperature is { } temperature)
            {
                w.WriteNumber("temperature", temperature);
            }

            if (o.TopP is { } topP)
            {
                w.WriteNumber("top_p", topP);
            }

            w.WriteStartArray("messages");
            if (o.Instructions is { } instructions)
            {
                Message(w, "system", instructions, null);
            }

            foreach (var m in messages)
            {
                if (m.Role != ChatRole.System && m.Role != ChatRole.User && m.Role != ChatRole.Assistant
                    || m.Contents.Count != 1 || m.Contents[0] is not TextContent text)
                {
                    return null;
                }

                Message(w, m.Role.Value, text.Text, m.AuthorName);
            }

            w.WriteEndArray();
            w.WriteString("model", endpoint.Model);
            if (o.MaxOutputTokens is { } maxTokens)
            {
                w.WriteNumber(endpoint.UseLegacyMaxTokens ? "max_tokens" : "max_completion_tokens", maxTokens);
            }

            if (o.FrequencyPenalty is { } frequency)
            {
                w.WriteNumber("frequency_penalty", frequency);
            }

            if (o.PresencePenalty is { } presence)
            {
                w.WriteNumber("presence_penalty", presence);
            }

            if (o.ResponseFormat is ChatResponseFormatJson json)
            {
                w.WriteStartObject("response_format");
                if (json.Schema is { } schema)
                {
                    w.WriteString("type", "json_schema");
                    w.WriteStartObject("json_schema");
                    if (json.SchemaDescription is { } description)
                    {
                        w.WriteString("description", description);
                    }

                    w.WriteString("name", json.SchemaName ?? "json_schema");
                    w.WritePropertyName("schema");
                    schema.WriteTo(w);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteString("type", "json_object");
                }

                w.WriteEndObject();
            }

            if (o.StopSequences is { Count: > 0 } stops)
            {
                w.WriteStartArray("stop");
                foreach (var s in stops)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
            }

            if (o.Seed is { } seed)
            {
                w.WriteNumber("seed", seed);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Message(Utf8JsonWriter w, string role, string content, string? name)
    {
        w.WriteStartObject();
        w.WriteString("role", role);
        w.WriteString("content", content);
        if (name is not null)
        {
            w.WriteString("name", name);
        }

        w.WriteEndObject();
    }
}
