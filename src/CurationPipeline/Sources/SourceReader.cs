using System.Runtime.CompilerServices;
using System.Text;
using CurationPipeline.Core;

namespace CurationPipeline.Sources;

/// <summary>
/// Streams the records of a source file in the source's format: the format's reader gives each record's fields, and the
/// format (or the source's <c>text_field</c>) says which is its text. A record that cannot be read becomes a reject
/// naming the file, record and field; the rest of the file is still read.
/// </summary>
public static class SourceReader
{
    static SourceReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="maxRecordBytes">A record whose fields hold more UTF-8 bytes is a reject naming the limit; 0 for none.</param>
    public static async IAsyncEnumerable<SourceRead> ReadAsync(SourceFormatRegistry formats,
        SourceDefinition source, string path, string displayPath, long maxRecordBytes = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(source);
        if (!formats.Knows(source.Format))
        {
            throw new PipelineConfigException($"source '{source.Name}': unknown format '{source.Format}'");
        }

        var format = formats[source.Format];
        var textField = format.TextField ?? source.TextField;
        await foreach (var raw in format.Reader.ReadAsync(path, source, cancellationToken))
        {
            yield return raw.Fields is { } fields
                ? Build(source, displayPath, raw.Where, fields, raw.FallbackId, textField, maxRecordBytes)
                : SourceRead.Bad(source, displayPath, raw.Where, raw.Problem ?? "cannot be read");
        }
    }

    /// <summary>Stands in for bytes that are not valid in the source's encoding: a noncharacter, never in real text, so a field holding it is rejected.</summary>
    public const char InvalidByteMarker = '\uFDD0';

    /// <summary>The text encoding of a source's files (utf-8 or gb18030); invalid bytes decode to <see cref="InvalidByteMarker"/>.</summary>
    public static Encoding EncodingOf(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Encoding.GetEncoding(source.Encoding == "gb18030" ? "GB18030" : "utf-8", EncoderFallback.ReplacementFallback,
            new DecoderReplacementFallback(InvalidByteMarker.ToString()));
    }

    private static SourceRead Build(SourceDefinition source, string display, string where, IReadOnlyDictionary<string, string> fields, string fallbackId, string textField,
        long maxRecordBytes)
    {
        if (maxRecordBytes > 0 && fields.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Value)) is var bytes && bytes > maxRecordBytes)
        {
            var name = fields.GetValueOrDefault(source.IdField) is { Length: > 0 } recordId ? recordId : where;
            return SourceRead.Bad(source, display, name, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the record holds {bytes} bytes, over limits.max_record_bytes ({maxRecordBytes}); not read"));
        }

        foreach (var (name, value) in fields)
        {
            if (value.Contains(InvalidByteMarker, StringComparison.Ordinal))
            {
                return SourceRead.Bad(source, display, where, $"field '{name}' holds bytes that are not valid {(source.Encoding == "gb18030" ? "GB18030" : "UTF-8")}", name);
            }
        }

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
}
