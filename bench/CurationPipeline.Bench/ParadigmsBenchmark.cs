using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Bench;

/// <summary>
/// Throughput of the offline engines: every proprietary dataset of pipelines/mlb.yaml over its bundled raw
/// records, several rounds with different seeds, on one thread; items per second per paradigm. Reading the
/// files and loading the tables happen before the clock starts; de-identification is not part of it.
/// </summary>
internal sealed class ParadigmsBenchmark : IBenchmark
{
    public string Name => "paradigms";

    public string Description => "offline P1-P4 engines over the bundled raw inputs: items/s per paradigm";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rounds = Option(args, "--rounds", 20);
        var root = FindRoot();
        var pipeline = PipelineLoader.Load(Path.Combine(root, "pipelines", "mlb.yaml"));
        var raw = new ReferenceData(Path.Combine(root, "raw"));
        var work = pipeline.Datasets.Where(d => d.Paradigm != Paradigm.Public)
            .Select(d => (Dataset: d, Engine: Extensions.Bundled.Paradigms.CreateOffline(d, raw), Records: Records(pipeline, d, root)))
            .ToList();
        Console.WriteLine(Invariant($"{work.Count} datasets, {work.Sum(w => w.Records.Count):N0} records per round, {rounds} rounds (seed 1..{rounds}), one thread"));

        // One untimed round warms the tables, lexicons and the JIT.
        await Run(work, 0, cancellationToken);
        var totals = new Dictionary<string, (int Items, int Rejects, int Records, double Seconds, double Cpu, long Bytes)>(StringComparer.Ordinal);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var round = 1; round <= rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (var (paradigm, items, rejects, records, seconds, cpu, bytes) in await Run(work, round, cancellationToken))
            {
                var t = totals.GetValueOrDefault(paradigm);
                totals[paradigm] = (t.Items + items, t.Rejects + rejects, t.Records + records, t.Seconds + seconds, t.Cpu + cpu, t.Bytes + bytes);
            }
        }

        wall.Stop();
        process.Refresh();
        Console.WriteLine(Invariant($"timed rounds: {wall.Elapsed.TotalSeconds:0.00} s wall, {(process.TotalProcessorTime - cpuBefore).TotalSeconds:0.00} s CPU (the process, all threads)"));
        Console.WriteLine("paradigm  records    items  rejects  wall s   items/s (wall)  CPU s  items/CPU-s  alloc/item");
        foreach (var (paradigm, t) in totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Invariant($"{paradigm,-8} {t.Records,8:N0} {t.Items,8:N0} {t.Rejects,8:N0} {t.Seconds,7:0.00} {t.Items / t.Seconds,16:N0} {t.Cpu,6:0.00} {t.Items / Math.Max(t.Cpu, 1e-3),12:N0} {t.Bytes / Math.Max(t.Items, 1) / 1024.0,7:0.0} KiB"));
        }

        var all = totals.Values;
        Console.WriteLine(Invariant($"all      {all.Sum(t => t.Records),8:N0} {all.Sum(t => t.Items),8:N0} {all.Sum(t => t.Rejects),8:N0} {all.Sum(t => t.Seconds),7:0.00} {all.Sum(t => t.Items) / all.Sum(t => t.Seconds),16:N0} {all.Sum(t => t.Cpu),6:0.00} {all.Sum(t => t.Items) / Math.Max(all.Sum(t => t.Cpu), 1e-3),12:N0}"));
        return 0;
    }

    private static async Task<List<(string, int, int, int, double, double, long)>> Run(
        List<(DatasetDefinition Dataset, IItemGenerator Engine, List<SourceRecord> Records)> work, int seed, CancellationToken ct)
    {
        var context = new GenerationContext { Seed = seed, PipelineVersion = "bench" };
        var results = new List<(string, int, int, int, double, double, long)>();
        using var process = Process.GetCurrentProcess();
        foreach (var (dataset, engine, records) in work)
        {
            var items = 0;
            var rejects = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var record in records)
            {
                try
                {
                    items += (await engine.GenerateAsync(record, dataset, context, ct)).Count;
                }
                catch (RecordRejectedException)
                {
                    rejects++;
                }
            }

            watch.Stop();
            process.Refresh();
            results.Add((dataset.Paradigm!.Value.Code, items, rejects, records.Count, watch.Elapsed.TotalSeconds,
                (process.TotalProcessorTime - cpu).TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated));
        }

        return results;
    }

    /// <summary>The dataset's input records (CSV rows or JSONL lines, fields as text), filtered by its <c>where</c>.</summary>
    private static List<SourceRecord> Records(PipelineDefinition pipeline, DatasetDefinition dataset, string root)
    {
        var list = new List<SourceRecord>();
        foreach (var source in dataset.Inputs.Select(i => pipeline.Sources.Single(s => s.Name == i)))
        {
            var path = pipeline.ResolvePath(source.Path);
            var rows = source.Format.Code == "csv"
                ? ReferenceReader.Csv(path).Select(r => r.Fields)
                : File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(JsonRow);
            list.AddRange(rows.Where(f => dataset.Where.All(w => f.GetValueOrDefault(w.Key) == w.Value)).Select(f => new SourceRecord
            {
                Source = source.Name,
                File = Path.GetRelativePath(root, path),
                RecordId = f.GetValueOrDefault("id") ?? "?",
                Kind = source.Kind,
                Text = f.GetValueOrDefault("text") ?? "",
                Fields = f,
            }));
        }

        return list;
    }

    internal static IReadOnlyDictionary<string, string> JsonRow(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
    }

    internal static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CurationPipeline.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmark inside the repository (CurationPipeline.sln not found)");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
