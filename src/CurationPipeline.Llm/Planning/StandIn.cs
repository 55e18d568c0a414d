using System.Text;
using System.Text.Json;

namespace CurationPipeline.Llm;

/// <summary>The answers a plan gives in place of a model's: the smallest JSON a schema accepts, or text of about the expected length.</summary>
internal static class StandIn
{
    /// <summary>Text of about <paramref name="tokens"/> tokens (one CJK character is about one), so that a prompt quoting it is about as long as with a real answer.</summary>
    public static string Text(long tokens) => new('答', (int)Math.Clamp(tokens, 1, 100_000));

    /// <summary>A JSON value of the schema's shape: each property with the first enum value, the minimum, false, "" or [].</summary>
    public static string ForSchema(JsonElement schema)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, schema, 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter w, JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 16)
        {
            w.WriteNullValue();
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            values[0].WriteTo(w);
            return;
        }

        switch (TypeOf(schema))
        {
            case "object":
                w.WriteStartObject();
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        w.WritePropertyName(p.Name);
                        Write(w, p.Value, depth + 1);
                    }
                }

                w.WriteEndObject();
                break;
            case "array":
                w.WriteStartArray();
                w.WriteEndArray();
                break;
            case "integer" or "number":
                w.WriteNumberValue(schema.TryGetProperty("minimum", out var min) && min.ValueKind == JsonValueKind.Number ? min.GetDouble() : 0);
                break;
            case "boolean":
                w.WriteBooleanValue(false);
                break;
            case "string":
                w.WriteStringValue("");
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }

    /// <summary>The schema's type; of a list such as <c>["number", "null"]</c>, the first that is not null.</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString(),
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not null and not "null"),
            _ => null,
        };
    }
}
