using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Tests.Sampling;

/// <summary>Builds candidate pools for the sampling tests.</summary>
internal static class TestPools
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    public static SampleCandidate Candidate(
        string id,
        Difficulty level,
        string? stratum = null,
        string dataset = "DS",
        ReviewStatus review = ReviewStatus.Approved,
        DifficultyState state = DifficultyState.Labelled,
        string key = "risk_type",
        params string[] flags) =>
        new(id, dataset, state == DifficultyState.Labelled ? level : null, state, review, [],
            stratum is null ? NoAttributes : new Dictionary<string, string> { [key] = stratum }, flags);

    /// <summary>count items of one level in one stratum, ids prefixed by the stratum and level.</summary>
    public static IEnumerable<SampleCandidate> Block(string stratum, Difficulty level, int count, string dataset = "DS") =>
        Enumerable.Range(0, count).Select(i => Candidate($"{dataset}-{stratum}-{level}-{i:D5}", level, stratum, dataset));

    /// <summary>
    /// A random pool: up to maxStrata strata of skewed sizes, each with its own skewed difficulty mix, and
    /// a share of ineligible candidates and of another dataset's candidates.
    /// </summary>
    public static List<SampleCandidate> Random(Random rng, int size, int strata)
    {
        var weights = Enumerable.Range(0, strata).Select(_ => Math.Pow(rng.NextDouble(), 3) + 0.002).ToArray();
        var cumulative = Cumulate(weights);
        var mixes = Enumerable.Range(0, strata).Select(_ => Cumulate([rng.NextDouble() * 3, rng.NextDouble() * 2, rng.NextDouble()])).ToArray();
        var pool = new List<SampleCandidate>(size);
        for (var i = 0; i < size; i++)
        {
            var s = Pick(cumulative, rng.NextDouble());
            var level = (Difficulty)Pick(mixes[s], rng.NextDouble());
            var roll = rng.NextDouble();
            var review = roll < 0.04 ? ReviewStatus.Rejected : roll < 0.08 ? ReviewStatus.InReview : roll < 0.3 ? ReviewStatus.Unreviewed : ReviewStatus.Approved;
            var state = rng.NextDouble() < 0.03 ? DifficultyState.PendingHuman : DifficultyState.Labelled;
            var flags = rng.NextDouble() < 0.02 ? new[] { "exclude" } : [];
            var dataset = rng.NextDouble() < 0.05 ? "OTHER" : "DS";
            pool.Add(Candidate($"{i:x8}-{rng.Next():x8}", level, $"s{s:D2}", dataset, review, state, "risk_type", flags));
        }

        return pool;
    }

    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var rng = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static double[] Cumulate(double[] weights)
    {
        var total = weights.Sum();
        var acc = 0.0;
        return [.. weights.Select(w => acc += w / total)];
    }

    private static int Pick(double[] cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
