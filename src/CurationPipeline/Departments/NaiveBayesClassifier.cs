namespace CurationPipeline.Departments;

/// <summary>
/// Multinomial naive Bayes over character bigrams with add-alpha smoothing and a uniform prior (the
/// training mix of departments says nothing about the items to tag).
/// </summary>
public sealed class NaiveBayesClassifier
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);

    public NaiveBayesClassifier(double alpha = 0.5) => Alpha = alpha;

    public double Alpha { get; }

    public IReadOnlyCollection<string> Classes => _totals.Keys;

    public void Add(string label, string text, int weight = 1)
    {
        if (!_counts.TryGetValue(label, out var counts))
        {
            _counts[label] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            _totals[label] = 0;
        }

        foreach (var g in Bigrams(text))
        {
            counts[g] = counts.GetValueOrDefault(g) + weight;
            _totals[label] += weight;
            _vocabulary.Add(g);
        }
    }

    /// <summary>Log-likelihood of the text under each class (uniform prior), highest first.</summary>
    public List<(string Label, double LogLikelihood)> Rank(string text)
    {
        var grams = Bigrams(text).ToList();
        var v = _vocabulary.Count + 1;
        return _counts.Select(c =>
            {
                var denominator = Math.Log(_totals[c.Key] + Alpha * v);
                return (c.Key, grams.Sum(g => Math.Log(c.Value.GetValueOrDefault(g) + Alpha) - denominator));
            })
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Overlapping character bigrams of letters and digits, lower case.</summary>
    public static IEnumerable<string> Bigrams(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        for (var i = 0; i + 2 <= chars.Length; i++)
        {
            yield return new string(chars, i, 2);
        }
    }
}
