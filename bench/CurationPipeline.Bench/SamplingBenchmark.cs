using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Items;
using CurationPipeline.Sampling;

namespace CurationPipeline.Bench;

/// <summary>
/// Samples 10,000 items from a generated pool of 1,000,000 candidates over 64 department strata with a
/// skewed difficulty mix; times only the sampling and reports allocation and peak working set.
/// </summary>
internal sealed class SamplingBenchmark : IBenchmark
{
    public string Name => "sampling";

    public string Description => "stratified 3:5:2 sampling: 10,000 of 1,000,000 in-memory candidates, 64 strata";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var poolSize = Option(args, "--pool", 1_000_000);
        var n = Option(args, "--n", 10_000);
        var singleLevel = args.Contains("--single-level");
        var strata = Option(args, "--strata", 64);
        var runs = Option(args, "--runs", 5);

        var generate = Stopwatch.StartNew();
        var pool = Generate(poolSize, strata, singleLevel, new Random(20240601));
        generate.Stop();
        var eligible = pool.Count(c => c.Review != ReviewStatus.Rejected && c.DifficultyState == DifficultyState.Labelled);
        Console.WriteLine(Invariant($"pool: {poolSize:N0} candidates ({eligible:N0} eligible), {strata} strata, generated in {generate.Elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine(Invariant($"pool by difficulty (all): Hard {pool.Count(c => c.Difficulty == Difficulty.Hard):N0}, Medium {pool.Count(c => c.Difficulty == Difficulty.Medium):N0}, Easy {pool.Count(c => c.Difficulty == Difficulty.Easy):N0}"));

        GC.Collect();
        using (var before = Process.GetCurrentProcess())
        {
            Console.WriteLine(Invariant($"working set with the pool in memory, before sampling: {before.WorkingSet64 / 1048576.0:0} MiB (peak so far {before.PeakWorkingSet64 / 1048576.0:0} MiB)"));
        }

        var spec = new SamplingSpec("MADiagnosis", n, DifficultyRatio.Default, ["department", "difficulty level"]);
        var sampler = new StratifiedSampler();
        var times = new List<double>();
        for (var run = 1; run <= runs && !cancellationToken.IsCancellationRequested; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = sampler.Sample(pool, spec, seed: run);
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var r = result.Report;
            times.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine(Invariant(
                $"run {run} (seed {run}): {watch.Elapsed.TotalSeconds:0.000} s wall, {cpu:0.000} s CPU, allocated {allocated / 1048576.0:0.0} MiB, peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB; sample {r.SampleByDifficulty} (H/M/E), ratio exact {r.RatioExact}, coverage {r.Coverage}, largest deviation {r.LargestDeviation:0.###}, steps {r.Steps}"));
            if (result.SelectedIds.Count != Math.Min(n, eligible) || (!r.RatioExact && r.Shortfalls.Count == 0))
            {
                Console.Error.WriteLine("sampling benchmark: the sample is not the requested size or ratio");
                return Task.FromResult(1);
            }
        }

        times.Sort();
        Console.WriteLine(Invariant($"sampling time: min {times[0]:0.000} s, median {times[times.Count / 2]:0.000} s, max {times[^1]:0.000} s over {times.Count} run(s)"));
        return Task.FromResult(0);
    }

    /// <summary>
    /// Department sizes fall off like 1/rank; each department has its own difficulty mix, mostly Easy.
    /// With --single-level every department holds one level only, so the ratio forces large deviations.
    /// </summary>
    private static List<SampleCandidate> Generate(int size, int strata, bool singleLevel, Random rng)
    {
        var departments = Enumerable.Range(0, strata).Select(s => (IReadOnlyList<string>)[$"Dept-{s:D2}"]).ToArray();
        var weights = Enumerable.Range(1, strata).Select(rank => 1.0 / rank).ToArray();
        var sizeCdf = Cumulative(weights);
        var mixes = Enumerable.Range(0, strata)
            .Select(_ => Cumulative([0.08 + (rng.NextDouble() * 0.15), 0.25 + (rng.NextDouble() * 0.2), 0.45 + (rng.NextDouble() * 0.3)]))
            .ToArray();
        var levels = new[] { Difficulty.Hard, Difficulty.Medium, Difficulty.Easy };
        var attributes = new Dictionary<string, string>();
        var pool = new List<SampleCandidate>(size);
        for (var i = 0; i < size; i++)
        {
            var s = Pick(sizeCdf, rng.NextDouble());
            var level = singleLevel ? levels[s % 3] : levels[Pick(mixes[s], rng.NextDouble())];
            var roll = rng.NextDouble();
            var review = roll < 0.03 ? ReviewStatus.Rejected : roll < 0.3 ? ReviewStatus.Unreviewed : ReviewStatus.Approved;
            var state = rng.NextDouble() < 0.02 ? DifficultyState.PendingHuman : DifficultyState.Labelled;
            var id = ((ulong)rng.NextInt64()).ToString("x16", CultureInfo.InvariantCulture);
            pool.Add(new SampleCandidate(id, "MADiagnosis", state == DifficultyState.Labelled ? level : null, state, review, departments[s], attributes, []));
        }

        return pool;
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var acc = 0.0;
        return [.. weights.Select(w => acc += w / total)];
    }

    private static int Pick(double[] cdf, double u)
    {
        var i = Array.BinarySearch(cdf, u);
        i = i < 0 ? ~i : i;
        return Math.Min(i, cdf.Length - 1);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
