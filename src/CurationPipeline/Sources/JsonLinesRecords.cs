using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CurationPipeline.Core;

namespace CurationPipeline.Sources;

/// <summary>JSON Lines: one object a line, blank lines skipped; a line that is not an object is a reject, the rest of the file is still read.</summary>
public sealed class JsonLinesRecords : IRecordFileReader
{
    public static JsonLinesRecords Instance { get; } = new();

    public async IAsyncEnumerable<RawRecord> ReadAsync(string path, SourceDefinition source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path, SourceReader.EncodingOf(source));
        var lineNo = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse($"line {lineNo}", line, lineNo.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static RawRecord Parse(string where, string json, string fallbackId)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return RawRecord.Bad(where, $"not valid JSON (position {e.BytePositionInLine})");
        }

        using (doc)
        {
            return JsonFields.Record(where, doc.RootElement, fallbackId);
        }
    }
}
