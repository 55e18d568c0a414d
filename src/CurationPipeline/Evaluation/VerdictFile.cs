using System.Globalization;
using System.Text.Json;

namespace CurationPipeline.Evaluation;

/// <summary>
/// Reads verdict files for judge agreement: JSONL, one object per case with <c>id</c> and either <c>verdict</c>
/// (true/false, 1/0, "pass"/"fail", "correct"/"incorrect", "yes"/"no") or <c>score</c> (0..1, acceptable at or
/// above the threshold). A <c>disputes.jsonl</c> line's <c>decision</c> counts as a score.
/// </summary>
public static class VerdictFile
{
    public static IReadOnlyDictionary<string, Verdict> Read(string path, double threshold = 0.6)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: verdict file not found");
        }

        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"{path}: line {number}: field 'id' (a string) is missing");
                }

                verdicts[id.GetString()!] = ReadVerdict(root, threshold) ?? throw new FormatException($"{path}: line {number}: field 'verdict' or 'score' is missing or not readable");
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}: line {number}: not a JSON object ({e.Message})");
            }
        }

        return verdicts;
    }

    private static Verdict? ReadVerdict(JsonElement root, double threshold)
    {
        double? score = null;
        foreach (var name in new[] { "score", "decision" })
        {
            if (root.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Number)
            {
                score = s.GetDouble();
                break;
            }

            if (root.TryGetProperty(name, out s) && s.ValueKind == JsonValueKind.String &&
                double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                score = parsed;
                break;
            }
        }

        if (root.TryGetProperty("verdict", out var v))
        {
            bool? acceptable = v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => v.GetDouble() >= 0.5,
                JsonValueKind.String => v.GetString()!.Trim().ToLowerInvariant() switch
                {
                    "true" or "1" or "pass" or "correct" or "yes" or "acceptable" or "合格" or "正确" => true,
                    "false" or "0" or "fail" or "incorrect" or "no" or "unacceptable" or "不合格" or "错误" => false,
                    _ => null,
                },
                _ => null,
            };
            return acceptable is { } a ? new Verdict(a, score) : null;
        }

        return score is { } x ? new Verdict(x >= threshold, x) : null;
    }
}

/// <summary>One case's verdict: acceptable or not, with the score it came from when the file gave one.</summary>
public readonly record struct Verdict(bool Acceptable, double? Score);
