using System.Text;

namespace CurationPipeline.IO;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally quoted, quotes doubled inside quotes, line breaks
/// allowed inside quoted fields. Small enough to own; used by the readers and the review export.
/// </summary>
public static class Csv
{
    /// <summary>
    /// Reads the next record, or null at the end of the input; a quote left open to the end throws
    /// <see cref="CsvUnclosedQuoteException"/> holding the lines it swallowed, so a reader can go on after the broken line.
    /// </summary>
    public static async Task<List<string>?> ReadRecordAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        List<string>? swallowed = null;
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (!inQuotes)
                {
                    fields.Add(field.ToString());
                    return fields;
                }

                // A quoted field goes on over the line break.
                var next = await reader.ReadLineAsync(cancellationToken);
                if (next is null)
                {
                    throw new CsvUnclosedQuoteException(swallowed ?? []);
                }

                (swallowed ??= []).Add(next);
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }

            var c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }
    }

    /// <summary>Writes one record, quoting fields that need it.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write(Quote(f ?? ""));
        }

        writer.Write('\n');
    }

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>A quoted field is not closed before the end of the input; <see cref="LinesAfter"/> are the lines read after the record's first line.</summary>
public sealed class CsvUnclosedQuoteException(IReadOnlyList<string> linesAfter)
    : FormatException("a quoted field is not closed before the end of the file")
{
    public IReadOnlyList<string> LinesAfter { get; } = linesAfter;
}
