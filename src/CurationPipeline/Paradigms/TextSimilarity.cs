namespace CurationPipeline.Paradigms;

/// <summary>Normalisation and edit distance for comparing option texts.</summary>
public static class TextSimilarity
{
    /// <summary>Drops white space and punctuation and lower-cases, so "A, B" and "a b" compare equal.</summary>
    public static string Normalise(string text) =>
        new string([.. text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]).ToLowerInvariant();

    /// <summary>Levenshtein distance divided by the longer length: 0 for equal texts, 1 for nothing in common.</summary>
    public static double NormalisedDistance(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 0;
        }

        return (double)Levenshtein(a, b) / Math.Max(a.Length, b.Length);
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// Strips the prefix and suffix that all texts share (option sets like "X 的症状包括 发热 / 咳嗽"), so that
    /// near-duplicates are judged on the part that differs.
    /// </summary>
    public static IReadOnlyList<string> DistinctParts(IReadOnlyList<string> texts)
    {
        if (texts.Count < 2)
        {
            return texts;
        }

        var shortest = texts.Min(t => t.Length);
        var prefix = 0;
        while (prefix < shortest && texts.All(t => t[prefix] == texts[0][prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shortest - prefix && texts.All(t => t[t.Length - 1 - suffix] == texts[0][texts[0].Length - 1 - suffix]))
        {
            suffix++;
        }

        return [.. texts.Select(t => t.Substring(prefix, t.Length - prefix - suffix))];
    }
}
