using System.Text;

namespace CurationPipeline.Reference;

/// <summary>One row of a reference table: its file, its 1-based line and its fields by column, in the header's order.</summary>
public sealed record TableRow(string Path, int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>A field's value, trimmed; missing or empty is an error naming the file, line and field.</summary>
    public string Get(string column) =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new InvalidDataException($"{Path}: line {Line}, field '{column}' is missing or empty");
}

/// <summary>
/// The one reader of the reference files: CSV tables with a header row (RFC 4180, <see cref="Csv"/>), tab-separated
/// tables with a header row, and files of one entry a line. Every problem names the file and line.
/// </summary>
public static class ReferenceReader
{
    /// <summary>The data rows of a CSV table; blank lines are skipped, a row with another number of fields than the header is an error.</summary>
    public static IReadOnlyList<TableRow> Csv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = IO.Csv.ReadRecordAsync(reader).GetAwaiter().GetResult();
        var rows = new List<TableRow>();
        if (header is null)
        {
            return rows;
        }

        var columns = header.Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
        var line = 1 + LineBreaks(header);
        while (IO.Csv.ReadRecordAsync(reader).GetAwaiter().GetResult() is { } cells)
        {
            var start = ++line;
            line += LineBreaks(cells);
            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Count != columns.Count)
            {
                throw new InvalidDataException($"{path}: line {start} has {cells.Count} fields; the header has {columns.Count}");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                fields[columns[i]] = cells[i];
            }

            rows.Add(new TableRow(path, start, fields));
        }

        return rows;
    }

    /// <summary>The fields of each data row of a tab-separated table with its 1-based line; the header and blank lines are skipped.</summary>
    public static IReadOnlyList<(int Line, string[] Fields)> Tsv(string path)
    {
        var rows = new List<(int, string[])>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (lineNo > 1 && !string.IsNullOrWhiteSpace(line))
            {
                rows.Add((lineNo, line.Split('\t')));
            }
        }

        return rows;
    }

    /// <summary>The non-blank lines of a file, each with its 1-based number.</summary>
    public static IReadOnlyList<(int Line, string Text)> Lines(string path)
    {
        var lines = new List<(int, string)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add((lineNo, line));
            }
        }

        return lines;
    }

    /// <summary>Lines a record took beyond its first: quoted fields that went on over line breaks.</summary>
    private static int LineBreaks(List<string> cells) => cells.Sum(c => c.Count(ch => ch == '\n'));
}
