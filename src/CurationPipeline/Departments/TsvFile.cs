namespace CurationPipeline.Departments;

/// <summary>Tab-separated tables with a header row, as the bundled department files are written.</summary>
internal static class TsvFile
{
    /// <summary>The fields of each data row with its 1-based line number; the header and blank lines are skipped.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Rows(string path)
    {
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (lineNo > 1 && !string.IsNullOrWhiteSpace(line))
            {
                yield return (lineNo, line.Split('\t'));
            }
        }
    }
}
