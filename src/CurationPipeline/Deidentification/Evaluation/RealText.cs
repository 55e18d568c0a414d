using System.Text;
using System.Text.Json;
using CurationPipeline.IO;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Real Chinese medical text without personal data, read from the public datasets in their native formats, for
/// measuring false positives: every detection in it removes text that was no personal data (cEHRNER's visit dates
/// excepted, which the corpus kept and Safe Harbor removes).
/// </summary>
public static class RealText
{
    static RealText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>CMDD dialogues (one JSON file each, in <paramref name="folder"/>/dev): lines "患者：…" / "医生：…".</summary>
    public static IEnumerable<string> Cmdd(string folder)
    {
        var dev = Path.Combine(folder, "dev");
        foreach (var file in Directory.Exists(dev) ? [.. Directory.GetFiles(dev, "*.json").Order(StringComparer.Ordinal)] : Array.Empty<string>())
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var sb = new StringBuilder();
            foreach (var turn in doc.RootElement.GetProperty("dialogue-content").EnumerateArray())
            {
                sb.Append(turn.GetProperty("speaker").GetString()).Append('：').Append(turn.GetProperty("sentence").GetString()).Append('\n');
            }

            yield return sb.ToString();
        }
    }

    /// <summary>CMtMedQA records (a JSON array): each dialogue as lines "患者：…" / "医生：…"; safety prompts as they are.</summary>
    public static IEnumerable<string> CmtMedQa(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var record in doc.RootElement.EnumerateArray())
        {
            var sb = new StringBuilder();
            if (record.TryGetProperty("history", out var history))
            {
                foreach (var turn in history.EnumerateArray())
                {
                    sb.Append("患者：").Append(turn[0].GetString()).Append("\n医生：").Append(turn[1].GetString()).Append('\n');
                }
            }

            var ask = record.TryGetProperty("instruction", out var i) ? i.GetString() : record.TryGetProperty("instruct", out var j) ? j.GetString() : "";
            sb.Append("患者：").Append(ask).Append("\n医生：").Append(record.GetProperty("output").GetString());
            yield return sb.ToString();
        }
    }

    /// <summary>Toyhom dialogue rows (GB18030 CSV: department, title, ask, answer): title, question and answer as lines.</summary>
    public static IEnumerable<string> Toyhom(string file)
    {
        using var reader = new StreamReader(file, Encoding.GetEncoding("GB18030"));
        _ = Csv.ReadRecordAsync(reader).GetAwaiter().GetResult();
        while (Csv.ReadRecordAsync(reader).GetAwaiter().GetResult() is { } row)
        {
            yield return string.Join('\n', row.Skip(1));
        }
    }

    /// <summary>cEHRNER passages (JSON lines with a "text" field) of the given files.</summary>
    public static IEnumerable<string> CehrNer(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                yield return doc.RootElement.GetProperty("text").GetString() ?? "";
            }
        }
    }

    /// <summary>CBLUE CMeEE / CHIP-CDEE sentences (a JSON array of records with a "text" field).</summary>
    public static IEnumerable<string> CblueTexts(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var record in doc.RootElement.EnumerateArray())
        {
            yield return record.GetProperty("text").GetString() ?? "";
        }
    }
}

/// <summary>What a de-identifier removed from text that holds no personal data.</summary>
/// <param name="Texts">Texts read.</param>
/// <param name="Characters">Characters read.</param>
/// <param name="Detections">Every detection: category, the value and up to ten characters either side.</param>
public sealed record FalsePositiveReport(int Texts, long Characters, IReadOnlyList<(PhiCategory Category, string Value, string Context)> Detections)
{
    /// <summary>Characters removed (inside a detection) per 10,000 characters read, leaving out <paramref name="except"/>.</summary>
    public double RemovedPer10000(params PhiCategory[] except) =>
        Characters == 0 ? 0 : Detections.Where(d => !except.Contains(d.Category)).Sum(d => (long)d.Value.Length) * 10_000.0 / Characters;

    /// <summary>Runs the de-identifier's detection over <paramref name="texts"/>.</summary>
    public static FalsePositiveReport Measure(Deidentifier deid, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(deid);
        var detections = new List<(PhiCategory, string, string)>();
        int count = 0;
        long chars = 0;
        foreach (var text in texts)
        {
            count++;
            chars += text.Length;
            foreach (var s in deid.Detect(text))
            {
                var from = Math.Max(0, s.Start - 10);
                var to = Math.Min(text.Length, s.End + 10);
                var context = (text[from..s.Start] + "[" + text.Substring(s.Start, s.Length) + "]" + text[s.End..to]).Replace('\n', '⏎');
                detections.Add((s.Category, text.Substring(s.Start, s.Length), context));
            }
        }

        return new FalsePositiveReport(count, chars, detections);
    }
}
