using System.Text.Json;

namespace CurationPipeline.Llm;

/// <summary>
/// Reads a batch's output or error file: one JSON line per request, <c>{"custom_id", "response": {"status_code",
/// "body"}, "error": {"code", "message"}}</c>. The body's bytes are taken as they are (no re-serialising), to be
/// read by the SDK exactly as the body of a direct call.
/// </summary>
internal static class BatchOutput
{
    /// <summary>The lines in <paramref name="chunk"/> (whole lines), each handed to <paramref name="found"/>.</summary>
    public static void Read(ReadOnlySpan<byte> chunk, string batchId, Action<string, LineResult> found)
    {
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOf((byte)'\n');
            var line = end < 0 ? chunk : chunk[..end];
            chunk = end < 0 ? [] : chunk[(end + 1)..];
            if (!line.Trim(" \r\t"u8).IsEmpty && ReadLine(line, batchId) is { } parsed)
            {
                found(parsed.CustomId, parsed.Result);
            }
        }
    }

    private static (string CustomId, LineResult Result)? ReadLine(ReadOnlySpan<byte> line, string batchId)
    {
        var reader = new Utf8JsonReader(line);
        string? customId = null, errorCode = null, errorMessage = null;
        var status = 0;
        byte[]? body = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "custom_id" when reader.TokenType == JsonTokenType.String:
                        customId = reader.GetString();
                        break;
                    case "response" when reader.TokenType == JsonTokenType.StartObject:
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var field = reader.GetString();
                            reader.Read();
                            if (field == "status_code" && reader.TokenType == JsonTokenType.Number)
                            {
                                status = reader.GetInt32();
                            }
                            else if (field == "body" && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            {
                                var start = (int)reader.TokenStartIndex;
                                reader.Skip();
                                body = line[start..(int)reader.BytesConsumed].ToArray();
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        break;
                    case "error" when reader.TokenType == JsonTokenType.StartObject:
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var field = reader.GetString();
                            reader.Read();
                            if (field == "code" && reader.TokenType == JsonTokenType.String)
                            {
                                errorCode = reader.GetString();
                            }
                            else if (field == "message" && reader.TokenType == JsonTokenType.String)
                            {
                                errorMessage = reader.GetString();
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null; // a broken line answers nothing: its request counts as not answered
        }

        if (customId is null)
        {
            return null;
        }

        if (status != 0 && body is not null)
        {
            return (customId, new LineResult(status, body, batchId));
        }

        // Not attempted (expired, cancelled) or failed without an HTTP answer: worth asking again.
        var message = $"batch {batchId}: {errorCode ?? "no answer"}{(errorMessage is null ? "" : ": " + errorMessage)}";
        return (customId, LineResult.Error(status is >= 400 ? status : 503, message, batchId));
    }
}
