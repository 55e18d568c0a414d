using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CurationPipeline.Sources;

/// <summary>
/// Streams the elements of a top-level JSON array without holding the file, and stops at the first
/// syntax error having yielded every element before it (a broken file loses only what follows the break).
/// </summary>
internal static class JsonArrayReader
{
    /// <summary>An element, or (last) the error that ended the array early.</summary>
    public readonly record struct Element(JsonElement Value, string? Error);

    public static async IAsyncEnumerable<Element> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            var started = false;
            var depth = 0;
            var elementStart = -1;
            var scanFrom = 0;
            while (true)
            {
                if (!final)
                {
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                    length += read;
                    final = read == 0;
                }

                var elements = new List<Element>();
                string? error = null;
                var consumed = Scan(buffer.AsSpan(0, length), scanFrom, final, ref state, ref started, ref depth, ref elementStart, elements, ref error);
                foreach (var e in elements)
                {
                    yield return e;
                }

                if (error is not null)
                {
                    yield return new Element(default, error);
                    yield break;
                }

                if (started && depth == 0)
                {
                    yield break; // the array is closed; whatever follows is not read
                }

                // Keep the unconsumed tail (and any element still open) for the next read; the reader
                // resumes where it stopped, after the kept start of the open element.
                var keepFrom = elementStart >= 0 ? Math.Min(elementStart, consumed) : consumed;
                Buffer.BlockCopy(buffer, keepFrom, buffer, 0, length - keepFrom);
                length -= keepFrom;
                scanFrom = consumed - keepFrom;
                if (elementStart >= 0)
                {
                    elementStart -= keepFrom;
                }

                if (final)
                {
                    if (!started || depth != 0)
                    {
                        yield return new Element(default, started ? "the array is not closed before the end of the file" : "the file is not a JSON array");
                    }

                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads tokens from <paramref name="from"/>; returns the absolute position the reader consumed up to.</summary>
    private static int Scan(ReadOnlySpan<byte> data, int from, bool final, ref JsonReaderState state, ref bool started, ref int depth,
        ref int elementStart, List<Element> elements, ref string? error)
    {
        var reader = new Utf8JsonReader(data[from..], final, state);
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (!started)
                {
                    if (token != JsonTokenType.StartArray)
                    {
                        error = "the file is not a JSON array";
                        return from + (int)reader.BytesConsumed;
                    }

                    started = true;
                    depth = 1;
                    continue;
                }

                if (depth == 1 && token != JsonTokenType.EndArray)
                {
                    elementStart = from + (int)reader.TokenStartIndex;
                }

                if (token is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    depth++;
                }
                else if (token is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    depth--;
                }

                if (depth == 1 && elementStart >= 0)
                {
                    var end = from + (int)reader.BytesConsumed;
                    using var doc = JsonDocument.Parse(data[elementStart..end].ToArray());
                    elements.Add(new Element(doc.RootElement.Clone(), null));
                    elementStart = -1;
                }
                else if (depth == 0)
                {
                    return from + (int)reader.BytesConsumed;
                }
            }
        }
        catch (JsonException e)
        {
            error = $"not valid JSON (line {e.LineNumber + 1})";
        }

        state = reader.CurrentState;
        return from + (int)reader.BytesConsumed;
    }
}
