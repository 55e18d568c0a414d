using System.Globalization;
using CurationPipeline.Items;

namespace CurationPipeline.Calibration.Offline;

/// <summary>
/// Offline judge: the weighted share of each rubric criterion's character n-grams (its name and description,
/// plus the reference answer as one more criterion of weight equal to the mean) found in the response,
/// divided by <see cref="Saturation"/> and capped at 1: a response that covers that share of a criterion's
/// wording meets it fully. Two instances with different n and saturation make the scorer pair.
/// </summary>
public sealed class RubricOverlapScorer : IResponseScorer
{
    public RubricOverlapScorer(string suffix, int n, double saturation)
    {
        if (n < 1 || saturation is <= 0 or > 1)
        {
            throw new ArgumentException($"rubric-overlap scorer: n must be >= 1 and saturation in (0, 1], got n={n}, saturation={saturation}");
        }

        N = n;
        Saturation = saturation;
        Name = string.Create(CultureInfo.InvariantCulture, $"offline:rubric-overlap/{suffix}(n={n},sat={saturation})");
    }

    /// <summary>The documented pair: bigrams saturating at 0.35, and unigrams saturating at 0.6.</summary>
    public static IReadOnlyList<IResponseScorer> Pair() => [new RubricOverlapScorer("a", 2, 0.35), new RubricOverlapScorer("b", 1, 0.6)];

    public string Name { get; }

    public int N { get; }

    public double Saturation { get; }

    public Task<double> ScoreAsync(BenchmarkItem item, string response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parts = item.Rubric.Select(c => (Text: c.Name + "：" + c.Description, c.Weight)).ToList();
        if (!string.IsNullOrWhiteSpace(item.Answer))
        {
            parts.Add((item.Answer, parts.Count == 0 ? 1 : parts.Average(p => p.Weight)));
        }

        var total = parts.Sum(p => p.Weight);
        if (parts.Count == 0 || total <= 0)
        {
            return Task.FromResult(0.0);
        }

        var score = parts.Sum(p => p.Weight * Math.Min(1, TextOverlap.Coverage(p.Text, response, N) / Saturation)) / total;
        return Task.FromResult(Math.Clamp(Math.Round(score, 4), 0, 1));
    }
}
