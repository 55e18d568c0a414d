namespace CurationPipeline.Departments;

/// <summary>
/// Complement naive Bayes (Rennie et al., 2003) over character unigrams and bigrams: term counts damped by
/// log(1 + tf), weighted by idf and length-normalised per document; a class is scored by how unlike the
/// other classes' text the input is, which copes with classes of very different sizes. Add documents, then
/// <see cref="Fit"/> once before ranking.
/// </summary>
public sealed class ComplementNaiveBayes(double alpha = 0.3)
{
    private readonly List<(string Label, Dictionary<string, int> Grams, double Weight)> _documents = [];
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private string[] _classes = [];
    private double[] _idf = [];

    // _weights[gram * classes + class]: the class's normalised complement weight of the gram; _mean[gram]: its mean over classes.
    private double[] _weights = [];
    private double[] _mean = [];

    public IReadOnlyList<string> Classes => _classes;

    public void Add(string label, string text, double weight = 1)
    {
        if (_weights.Length > 0)
        {
            throw new InvalidOperationException("the classifier is already fitted");
        }

        _documents.Add((label, Count(text), weight));
    }

    public ComplementNaiveBayes Fit()
    {
        _classes = [.. _documents.Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var classIndex = _classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in _documents.SelectMany(d => d.Grams.Keys))
        {
            df[gram] = df.GetValueOrDefault(gram) + 1;
        }

        foreach (var gram in df.Keys.Order(StringComparer.Ordinal))
        {
            _vocabulary[gram] = _vocabulary.Count;
        }

        int v = _vocabulary.Count, k = _classes.Length;
        _idf = new double[v];
        foreach (var (gram, i) in _vocabulary)
        {
            _idf[i] = Math.Log((double)_documents.Count / df[gram]) + 1;
        }

        var perClass = new double[v * k];
        var total = new double[v];
        foreach (var (label, grams, weight) in _documents)
        {
            var norm = Math.Sqrt(grams.Sum(g => Math.Pow(Math.Log(1 + g.Value) * _idf[_vocabulary[g.Key]], 2)));
            var c = classIndex[label];
            foreach (var (gram, n) in grams)
            {
                var i = _vocabulary[gram];
                var x = weight * Math.Log(1 + n) * _idf[i] / Math.Max(norm, 1e-12);
                perClass[i * k + c] += x;
                total[i] += x;
            }
        }

        var all = total.Sum();
        _weights = new double[v * k];
        _mean = new double[v];
        for (var c = 0; c < k; c++)
        {
            double own = 0, sum = 0;
            for (var i = 0; i < v; i++)
            {
                own += perClass[i * k + c];
            }

            var complement = all - own;
            for (var i = 0; i < v; i++)
            {
                var w = -Math.Log((total[i] - perClass[i * k + c] + alpha) / (complement + alpha * v));
                _weights[i * k + c] = w;
                sum += Math.Abs(w);
            }

            for (var i = 0; i < v; i++)
            {
                _weights[i * k + c] /= sum;
                _mean[i] += _weights[i * k + c] / k;
            }
        }

        _documents.Clear();
        return this;
    }

    /// <summary>Each class's score for the text, standardised over the classes (mean 0, deviation 1), highest first.</summary>
    public List<(string Label, double Score)> Rank(string text)
    {
        int k = _classes.Length;
        var scores = new double[k];
        foreach (var (gram, n) in Count(text))
        {
            if (_vocabulary.TryGetValue(gram, out var i))
            {
                var x = Math.Log(1 + n) * _idf[i];
                for (var c = 0; c < k; c++)
                {
                    scores[c] += x * _weights[i * k + c];
                }
            }
        }

        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / Math.Max(1, k));
        return [.. scores.Select((s, c) => (_classes[c], sd < 1e-15 ? 0 : (s - mean) / sd))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal)];
    }

    /// <summary>The grams of the text that speak most for <paramref name="label"/> against the average class, strongest first.</summary>
    public IReadOnlyList<string> Evidence(string text, string label, int count = 3)
    {
        var c = Array.IndexOf(_classes, label);
        if (c < 0)
        {
            return [];
        }

        var k = _classes.Length;
        return [.. Count(text)
            .Where(g => _vocabulary.ContainsKey(g.Key))
            .Select(g => (g.Key, Lift: (_weights[_vocabulary[g.Key] * k + c] - _mean[_vocabulary[g.Key]]) * _idf[_vocabulary[g.Key]]))
            .Where(g => g.Lift > 0)
            .OrderByDescending(g => g.Key.Length).ThenByDescending(g => g.Lift).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(g => g.Key)];
    }

    /// <summary>Counts of the character unigrams and bigrams of letters and digits, lower case.</summary>
    public static Dictionary<string, int> Count(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < chars.Length; i++)
        {
            var uni = chars[i].ToString();
            counts[uni] = counts.GetValueOrDefault(uni) + 1;
            if (i + 1 < chars.Length)
            {
                var bi = new string(chars, i, 2);
                counts[bi] = counts.GetValueOrDefault(bi) + 1;
            }
        }

        return counts;
    }
}
