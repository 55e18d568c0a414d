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
    /// Near-duplicates: normalised texts one edit apart, or closer than <paramref name="maxDistance"/> in normalised
    /// edit distance, that carry the same digits ("400 单位" and "800 单位" are different answers, not near-duplicates).
    /// </summary>
    public static bool AreNearDuplicates(string a, string b, double maxDistance)
    {
        var na = Normalise(a);
        var nb = Normalise(b);
        if (na == nb)
        {
            return true;
        }

        if (!Digits(na).SequenceEqual(Digits(nb)))
        {
            return false;
        }

        return Levenshtein(na, nb) <= 1 || NormalisedDistance(na, nb) < maxDistance;
    }

    private static IEnumerable<char> Digits(string text) => text.Where(char.IsAsciiDigit);
}
