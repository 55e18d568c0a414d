using System.Text;

namespace CurationPipeline.Paradigms.Knowledge;

/// <summary>A small RFC 4180 reader for the bundled tables: header row, quoted fields, doubled quotes, CRLF or LF.</summary>
public static class CsvText
{
    /// <summary>Rows as header-keyed dictionaries with their 1-based line numbers; a ragged row is an error naming the line.</summary>
    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Fields)> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string[]? header = null;
        foreach (var (line, cells) in Rows(reader))
        {
            if (header is null)
            {
                header = [.. cells.Select(c => c.Trim().TrimStart('\uFEFF'))];
                continue;
            }

            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Count != header.Length)
            {
                throw new InvalidDataException($"{path}: line {line} has {cells.Count} fields; the header has {header.Length}");
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = cells[i];
            }

            yield return (line, row);
        }
    }

    private static IEnumerable<(int Line, List<string> Cells)> Rows(TextReader reader)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    cell.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    cell.Append(ch);
                }
            }
            else if (ch == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                yield return (rowStart, cells);
                cells = [];
                cell.Clear();
                rowStart = ++line;
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString().TrimEnd('\r'));
            yield return (rowStart, cells);
        }
    }
}
