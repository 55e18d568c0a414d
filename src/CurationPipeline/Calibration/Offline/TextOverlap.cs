namespace CurationPipeline.Calibration.Offline;

/// <summary>Character n-gram helpers of the offline solvers and scorers (Chinese text has no word breaks).</summary>
public static class TextOverlap
{
    /// <summary>Distinct character n-grams of the text, skipping whitespace and punctuation.</summary>
    public static HashSet<string> Grams(string? text, int n)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return set;
        }

        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        for (var i = 0; i + n <= chars.Length; i++)
        {
            set.Add(new string(chars, i, n));
        }

        return set;
    }

    /// <summary>Share of <paramref name="part"/>'s n-grams found in <paramref name="whole"/>; 0 when the part has none.</summary>
    public static double Coverage(string? part, string? whole, int n)
    {
        var p = Grams(part, n);
        if (p.Count == 0)
        {
            return 0;
        }

        var w = Grams(whole, n);
        return (double)p.Count(w.Contains) / p.Count;
    }

    /// <summary>Sentences (split at Chinese and Western sentence ends and line breaks).</summary>
    public static IReadOnlyList<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(['。', '！', '？', '!', '?', '\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Index of the highest score; the earliest index on ties.</summary>
    public static int ArgMax(IReadOnlyList<double> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Count; i++)
        {
            if (scores[i] > scores[best] + 1e-12)
            {
                best = i;
            }
        }

        return best;
    }
}
