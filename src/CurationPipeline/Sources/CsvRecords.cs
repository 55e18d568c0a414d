using System.Globalization;
using System.Runtime.CompilerServices;
using CurationPipeline.Core;
using CurationPipeline.IO;

namespace CurationPipeline.Sources;

/// <summary>
/// CSV with a header row (any columns); a row of another width is a reject. A quote left open to the end of the file
/// rejects the row it opens in, and reading goes on from the next line, so no later row is lost unaccounted.
/// </summary>
public sealed class CsvRecords : IRecordFileReader
{
    public static CsvRecords Instance { get; } = new();

    public async IAsyncEnumerable<RawRecord> ReadAsync(string path, SourceDefinition source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var file = new StreamReader(path, SourceReader.EncodingOf(source));
        TextReader reader = file;
        var header = await Csv.ReadRecordAsync(reader, cancellationToken);
        if (header is not { Count: > 0 })
        {
            yield return RawRecord.Bad("header", "the file has no header row");
            yield break;
        }

        var row = 0;
        while (true)
        {
            List<string>? values;
            string? broken = null;
            try
            {
                values = await Csv.ReadRecordAsync(reader, cancellationToken);
            }
            catch (CsvUnclosedQuoteException e)
            {
                // The whole rest of the file is in memory already (it was read looking for the closing quote).
                values = null;
                broken = e.Message;
                reader = new StringReader(string.Join('\n', e.LinesAfter));
            }

            row++;
            var where = $"row {row}";
            if (broken is not null)
            {
                yield return RawRecord.Bad(where, broken + "; the rows after it are read on their own");
                continue;
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
                yield return RawRecord.Bad(where, $"has {values.Count} fields, the header has {header.Count}");
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                fields[header[i]] = values[i];
            }

            yield return RawRecord.Ok(where, fields, row.ToString(CultureInfo.InvariantCulture));
        }
    }
}
