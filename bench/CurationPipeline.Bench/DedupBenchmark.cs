using System.Diagnostics;
using System.Globalization;
using System.Text;
using CurationPipeline.Deduplication;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Dedup;

namespace CurationPipeline.Bench;

/// <summary>
/// Near-duplicate detection measured two ways. Quality: near-duplicates (character edits, option reorderings, punctuation
/// changes, all three) planted into a real public sample (CMExam's vendored validation sample, read with the cmexam
/// format), half of it for tuning (even rows, seed 1) and half held out (odd rows, seed 2); recall of planted pairs and
/// clusters that join different originals. Scale: a million items made of spans of the sample's real questions and
/// options, a tenth of them planted copies, deduplicated end to end; time, peak working set and the machine's load.
/// </summary>
internal sealed class DedupBenchmark : IBenchmark
{
    public string Name => "dedup";

    public string Description => "near-duplicates planted into a real CMExam sample (recall, false clusters) and 1,000,000 items deduplicated";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var sample = Text(args, "--sample") ?? TestData.Sample("cmexam/val.sample500.csv");
        var settings = new DedupSettings
        {
            Threshold = Number(args, "--threshold", 0.7),
            Ngram = (int)Number(args, "--ngram", 3),
            Bands = (int)Number(args, "--bands", 32),
            Rows = (int)Number(args, "--rows", 4),
        };
        var scale = (int)Number(args, "--scale", 1_000_000);
        var cores = (int)Number(args, "--cores", 2);
        var originals = await PlantedDuplicates.ReadCmExamAsync(sample);
        Console.WriteLine(Invariant($"sample: {Path.GetFileName(sample)}, {originals.Count} items; threshold {settings.Threshold}, {settings.Ngram}-grams, {settings.Bands} bands x {settings.Rows} rows"));

        var ok = true;
        foreach (var (part, parity, seed) in new[] { ("tune", 0, 1), ("held-out", 1, 2) })
        {
            var half = originals.Where((_, i) => i % 2 == parity).ToList();
            var items = PlantedDuplicates.Plant(half, seed, fraction: 1.0);
            var kept = Deduplicator.Run([.. items.Select(ToText)], settings, cores);
            var score = PlantedScore.Of(items, kept);
            var kinds = string.Join(", ", score.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => Invariant($"{k.Key} {k.Value.Found}/{k.Value.Planted}")));
            Console.WriteLine(Invariant($"{part} ({(parity == 0 ? "even" : "odd")} rows, seed {seed}): {half.Count} originals + {score.Planted} planted; recall {score.Recall:P2} ({kinds}); false clusters {score.FalseClusters}/{score.Clusters} ({score.FalseClusterRate:P2}), items joined to another original {score.FalselyJoined}/{score.Groups}"));
            foreach (var miss in Enumerable.Range(0, items.Count).Where(i => items[i].Kind != "original" && kept[i] != kept[items.FindIndex(o => o.Kind == "original" && o.Group == items[i].Group)]).Take(5))
            {
                Console.WriteLine($"  missed ({items[miss].Kind}): {items[miss].Question}");
            }

            foreach (var cluster in Enumerable.Range(0, items.Count).GroupBy(i => kept[i]).Where(g => g.Select(i => items[i].Group).Distinct().Count() > 1).Take(5))
            {
                Console.WriteLine("  false cluster: " + string.Join(" | ", cluster.Select(i => items[i].Question + " [" + string.Join("/", items[i].Options) + "]")));
            }

            ok &= score.Recall >= 0.99 && score.FalseClusterRate < 0.01;
        }

        if (scale > 0 && !cancellationToken.IsCancellationRequested)
        {
            ok &= Scale(originals, scale, settings, cores);
        }

        return ok ? 0 : 1;
    }

    private static bool Scale(List<(string Question, IReadOnlyList<string> Options)> originals, int n, DedupSettings settings, int cores)
    {
        var make = Stopwatch.StartNew();
        var (items, planted) = Synthesize(originals, n, new Random(3));
        make.Stop();
        GC.Collect();
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        using var process = Process.GetCurrentProcess();
        var baseline = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var kept = Deduplicator.Run(new Texts(items), settings, cores);
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var duplicates = kept.Where((k, i) => k != i).Count();
        var found = planted.Count(p => kept[p.Copy] == kept[p.Original]);
        var loadAfter = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine(Invariant($"scale: {items.Count:N0} items ({planted.Count:N0} planted copies) made in {make.Elapsed.TotalSeconds:0.0} s; deduplicated in {watch.Elapsed.TotalSeconds:0.00} s wall, {cpu:0.0} s CPU on {cores} cores; {duplicates:N0} rejected, planted found {found:N0}/{planted.Count:N0} ({(double)found / planted.Count:P2})"));
        Console.WriteLine(Invariant($"scale: peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB (the corpus itself {baseline / 1048576.0:0} MiB before); load average before {load}, after {loadAfter}"));
        return watch.Elapsed.TotalSeconds < 60 && process.PeakWorkingSet64 < 2L * 1024 * 1024 * 1024;
    }

    /// <summary>
    /// Items whose questions join two to four spans of real questions and whose options are real options of random items:
    /// distinct from each other, with the sample's characters and n-grams; then a tenth planted copies of random ones.
    /// </summary>
    private static (List<PlantedItem> Items, List<(int Original, int Copy)> Planted) Synthesize(List<(string Question, IReadOnlyList<string> Options)> originals, int n, Random rng)
    {
        var pool = PlantedDuplicates.CharacterPool(originals);
        var allOptions = originals.SelectMany(o => o.Options).ToArray();
        var distinct = n - (n / 10);
        var items = new List<PlantedItem>(n);
        var sb = new StringBuilder();
        for (var i = 0; i < distinct; i++)
        {
            sb.Clear();
            for (var s = rng.Next(2, 5); s > 0; s--)
            {
                var q = originals[rng.Next(originals.Count)].Question;
                var start = rng.Next(Math.Max(1, q.Length - 8));
                sb.Append(q.AsSpan(start, Math.Min(q.Length - start, rng.Next(8, 30))));
            }

            items.Add(new PlantedItem(sb.ToString(), [.. Enumerable.Range(0, 5).Select(_ => allOptions[rng.Next(allOptions.Length)])], i, "original"));
        }

        var planted = new List<(int, int)>();
        for (var k = 0; items.Count < n; k++)
        {
            var of = rng.Next(distinct);
            var copy = PlantedDuplicates.Mutate(items[of].Question, items[of].Options, of, PlantedDuplicates.Kinds[k % PlantedDuplicates.Kinds.Length], rng, pool);
            planted.Add((of, items.Count));
            items.Add(copy);
        }

        return (items, planted);
    }

    /// <summary>The items' texts, normalised when asked for (as a stream of items would be), not all held at once.</summary>
    private sealed class Texts(List<PlantedItem> items) : IReadOnlyList<DedupText>
    {
        public DedupText this[int index] => ToText(items[index]);

        public int Count => items.Count;

        public IEnumerator<DedupText> GetEnumerator() => items.Select(ToText).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static DedupText ToText(PlantedItem item) => DedupText.Of(item.Question, null, item.Options);

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Number(string[] args, string name, double fallback) =>
        Text(args, name) is { } t && double.TryParse(t, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
