using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Sampling;
using CurationPipeline.Splits;

namespace CurationPipeline.Bench;

/// <summary>
/// The researcher's case end to end: read a 1,000,000-item pool from Parquet (the sampling columns only)
/// and draw 10,000 at 3:5:2 over 64 department strata. `--write FILE` makes the pool once; `--from FILE`
/// (in a fresh process) times reading plus sampling and reports the peak working set.
/// </summary>
internal sealed class SamplingFromPoolBenchmark : IBenchmark
{
    public string Name => "sampling-pool";

    public string Description => "read a 1,000,000-item pool.parquet and sample 10,000 at 3:5:2 (--write FILE once, then --from FILE)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var write = Value(args, "--write");
        var from = Value(args, "--from");
        if (write is not null)
        {
            var size = int.Parse(Value(args, "--pool") ?? "1000000", CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            await ParquetSerializer.WriteAsync(write, Rows(size, new Random(20240601)), cancellationToken: cancellationToken);
            Console.WriteLine(Invariant($"wrote {size:N0} items to {write} ({new FileInfo(write).Length / 1048576.0:0} MiB) in {watch.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }

        if (from is null)
        {
            Console.Error.WriteLine("usage: sampling-pool --write FILE [--pool N] | --from FILE [--n N]");
            return 2;
        }

        var n = int.Parse(Value(args, "--n") ?? "10000", CultureInfo.InvariantCulture);
        var total = Stopwatch.StartNew();
        var candidates = await PoolReader.ReadAllCandidatesAsync([from], cancellationToken);
        var read = total.Elapsed;
        var result = new StratifiedSampler().Sample(candidates, new SamplingSpec("MADiagnosis", n, DifficultyRatio.Default, ["department"]), seed: 1);
        total.Stop();
        using var process = Process.GetCurrentProcess();
        var r = result.Report;
        Console.WriteLine(Invariant($"read {candidates.Count:N0} candidates in {read.TotalSeconds:0.000} s; sampled {result.SelectedIds.Count:N0} ({r.SampleByDifficulty} H/M/E, coverage {r.Coverage}) in {(total.Elapsed - read).TotalSeconds:0.000} s"));
        Console.WriteLine(Invariant($"total {total.Elapsed.TotalSeconds:0.000} s, CPU {process.TotalProcessorTime.TotalSeconds:0.00} s, peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB"));
        Console.WriteLine(Invariant($"garbage collections: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s"));
        return 0;
    }

    /// <summary>Item rows with the pool's real columns; department sizes fall off like 1/rank, difficulty skewed to Easy.</summary>
    private static IEnumerable<ItemRow> Rows(int size, Random rng)
    {
        var weights = Enumerable.Range(1, 64).Select(rank => 1.0 / rank).ToArray();
        var sum = weights.Sum();
        var acc = 0.0;
        var cdf = weights.Select(w => acc += w / sum).ToArray();
        var departments = Departments.DepartmentCatalog.All.Select(d => d.Name).ToArray();
        var levels = new[] { "Hard", "Medium", "Medium", "Easy", "Easy", "Easy" };
        for (var i = 0; i < size; i++)
        {
            var s = Math.Min(~Array.BinarySearch(cdf, rng.NextDouble()) is var k && k >= 0 ? k : 0, 63);
            yield return new ItemRow
            {
                Id = ((ulong)rng.NextInt64()).ToString("x16", CultureInfo.InvariantCulture),
                Dataset = "MADiagnosis",
                PrimaryDimension = "SceneCap",
                SecondaryDimension = "SmartCare",
                TertiaryTask = "Diagnostic Assistance",
                Paradigm = "P4",
                SourceKind = "proprietary",
                QuestionType = "open-ended",
                Scoring = "judge",
                Question = "根据以下病历资料，请给出最可能的诊断及依据。患者" + i.ToString(CultureInfo.InvariantCulture) + "，主诉反复咳嗽咳痰伴发热。",
                Answer = "社区获得性肺炎",
                Departments = [departments[s]],
                Difficulty = levels[rng.Next(levels.Length)],
                DifficultyState = "labelled",
                DifficultyPanel = 5,
                ReviewStatus = rng.NextDouble() < 0.03 ? "rejected" : "approved",
                SourceFile = "raw/inpatient/records.jsonl",
                SourceRecord = i.ToString(CultureInfo.InvariantCulture),
                Engine = "bench",
                EngineKind = "offline",
                PipelineVersion = "bench",
            };
        }
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
