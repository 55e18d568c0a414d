using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.IO;

namespace CurationPipeline.Sources;

/// <summary>
/// Streams the records of a source file: JSONL and CSV (any columns), and the native formats of the public
/// datasets (CMExam CSV, CMeEE / CHIP-CDN / CHIP-CDEE JSON arrays, CMeIE JSON Lines). A record that cannot
/// be read becomes a reject naming the file, record and field; the rest of the file is still read.
/// </summary>
public static class SourceReader
{
    static SourceReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async IAsyncEnumerable<SourceRead> ReadAsync(
        SourceDefinition source, string path, string displayPath, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reads = source.Format.Code switch
        {
            "jsonl" or "cmeie" => ReadJsonLinesAsync(source, path, displayPath, cancellationToken),
            "cmeee" or "chip-cdn" or "chip-cdee" => ReadJsonArrayAsync(source, path, displayPath, cancellationToken),
            "csv" or "cmexam" => ReadCsvAsync(source, path, displayPath, cancellationToken),
            _ => throw new PipelineConfigException($"source '{source.Name}': unknown format '{source.Format}'"),
        };
        await foreach (var read in reads)
        {
            yield return read;
        }
    }

    private static async IAsyncEnumerable<SourceRead> ReadJsonLinesAsync(
        SourceDefinition source, string path, string display, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, EncodingOf(source));
        var lineNo = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseObject(source, display, $"line {lineNo}", line, lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async IAsyncEnumerable<SourceRead> ReadJsonArrayAsync(
        SourceDefinition source, string path, string display, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var index = 0;
        await foreach (var element in JsonArrayReader.ReadAsync(stream, ct))
        {
            if (element.Error is { } error)
            {
                yield return SourceRead.Bad(source, display, $"index {index}", $"{error} after record {index}: the rest of the file is skipped");
                yield break;
            }

            yield return FromElement(source, display, $"index {index}", element.Value, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            index++;
        }
    }

    private static async IAsyncEnumerable<SourceRead> ReadCsvAsync(
        SourceDefinition source, string path, string display, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, EncodingOf(source));
        var header = await Csv.ReadRecordAsync(reader, ct);
        if (header is not { Count: > 0 })
        {
            yield return SourceRead.Bad(source, display, "header", "the file has no header row");
            yield break;
        }

        var row = 0;
        while (true)
        {
            List<string>? values;
            string? broken = null;
            try
            {
                values = await Csv.ReadRecordAsync(reader, ct);
            }
            catch (FormatException e)
            {
                values = null;
                broken = e.Message;
            }

            row++;
            var where = $"row {row}";
            if (broken is not null)
            {
                yield return SourceRead.Bad(source, display, where, broken);
                yield break;
            }

            if (values is null)
            {
                yield break;
            }

            if (values.Count == 1 && values[0].Length == 0)
            {
                continue;
            }

            if (values.Count != header.Count)
            {
                yield return SourceRead.Bad(source, display, where, $"has {values.Count} fields, the header has {header.Count}");
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                fields[header[i]] = values[i];
            }

            yield return Build(source, display, where, fields, row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static SourceRead ParseObject(SourceDefinition source, string display, string where, string json, string fallbackId)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return SourceRead.Bad(source, display, where, $"not valid JSON (position {e.BytePositionInLine})");
        }

        using (doc)
        {
            return FromElement(source, display, where, doc.RootElement, fallbackId);
        }
    }

    private static SourceRead FromElement(SourceDefinition source, string display, string where, JsonElement element, string fallbackId)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return SourceRead.Bad(source, display, where, $"is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        return Build(source, display, where, JsonFields.Of(element), fallbackId);
    }

    private static SourceRead Build(SourceDefinition source, string display, string where, Dictionary<string, string> fields, string fallbackId)
    {
        var textField = TextFieldOf(source);
        if (!fields.TryGetValue(textField, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return SourceRead.Bad(source, display, fields.GetValueOrDefault(source.IdField) ?? where,
                $"field '{textField}' is missing or empty", textField);
        }

        var id = fields.GetValueOrDefault(source.IdField) is { Length: > 0 } v ? v : fallbackId;
        return SourceRead.Ok(new SourceRecord
        {
            Source = source.Name,
            File = display,
            RecordId = id,
            Kind = source.Kind,
            Text = text,
            Format = source.Format,
            PatientKey = fields.GetValueOrDefault(source.PatientField) is { Length: > 0 } pk ? pk : null,
            Fields = fields,
        });
    }

    /// <summary>The text field of a source: the native formats have their own.</summary>
    private static string TextFieldOf(SourceDefinition source) => source.Format.Code switch
    {
        "cmexam" => "Question",
        _ => source.TextField,
    };

    private static Encoding EncodingOf(SourceDefinition source) =>
        source.Encoding == "gb18030" ? Encoding.GetEncoding("GB18030") : new UTF8Encoding(false);
}
