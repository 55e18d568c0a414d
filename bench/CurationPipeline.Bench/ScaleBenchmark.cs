using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CurationPipeline.Composition;
using CurationPipeline.Hosting;
using CurationPipeline.Reference;
using CurationPipeline.Synthesis;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// The bundled mlb pipeline over N synthetic raw records (`curate synth`'s generator, split evenly over reports, EHR
/// notes, dialogues and inpatient bundles; the knowledge tables and scenarios stay the bundled ones), every offline
/// stage to the 22 splits. `--shards 0` runs it in one process; `--shards K` runs K shard processes at once (as
/// `curate run --shard I/K`), then the merge in a process of its own. Each process reports its wall time, CPU time
/// and peak working set; the load average is read before and after.
/// </summary>
internal sealed class ScaleBenchmark : IBenchmark
{
    public string Name => "scale";

    public string Description => "mlb over N synthetic raw records: one process to 22 splits (--shards 0) or K shard processes then the merge (--records N --shards K [--dir DIR])";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var dir = Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "curate-scale");
        if (Value(args, "--child") is { } role)
        {
            return await ChildAsync(role, dir, cancellationToken);
        }

        var records = int.Parse(Value(args, "--records") ?? "100000", CultureInfo.InvariantCulture);
        var shards = int.Parse(Value(args, "--shards") ?? "0", CultureInfo.InvariantCulture);
        var work = Path.Combine(dir, records.ToString(CultureInfo.InvariantCulture));
        await PrepareAsync(work, records, cancellationToken);
        var output = Path.Combine(work, shards == 0 ? "single" : $"sharded-{shards}");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Console.WriteLine(Invariant($"{records:N0} raw records, {(shards == 0 ? "one process" : $"{shards} shards")}; load average before: {LoadAverage()}"));
        var wall = Stopwatch.StartNew();
        if (shards == 0)
        {
            Print("single", await ChildProcessAsync(["--child", "single", "--dir", work], cancellationToken));
        }
        else
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, shards).Select(i => ChildProcessAsync(["--child", $"{i}/{shards}", "--dir", work], cancellationToken)));
            var shardWall = wall.Elapsed.TotalSeconds;
            foreach (var (run, i) in runs.Select((r, i) => (r, i)))
            {
                Print($"shard {i}/{shards}", run);
            }

            Console.WriteLine(Invariant($"shards: {shardWall:0.0} s wall for all {shards} at once"));
            Print("merge", await ChildProcessAsync(["--child", $"merge/{shards}", "--dir", work], cancellationToken));
        }

        Console.WriteLine(Invariant($"total {wall.Elapsed.TotalSeconds:0.0} s; load average after: {LoadAverage()}"));
        return 0;
    }

    /// <summary>The pipelines/ and raw/ folders copied, with the four synthesised sources made at the requested size.</summary>
    private static async Task PrepareAsync(string work, int records, CancellationToken ct)
    {
        // The marker names the kinds made: a folder made for another set of kinds is made again.
        string[] kinds = ["reports", "ehr", "dialogues", "inpatient"]; // the four sources mlb reads
        var marker = Path.Combine(work, "raw", ".complete");
        if (File.Exists(marker) && File.ReadAllText(marker) == string.Join(",", kinds))
        {
            return;
        }

        var root = TestData.RepositoryRoot;
        foreach (var folder in new[] { "pipelines", "raw" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(work, Path.GetRelativePath(root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }

        var watch = Stopwatch.StartNew();
        var reference = ReferenceData.ForKnowledge(Path.Combine(work, "raw", "knowledge"));
        for (var k = 0; k < kinds.Length; k++)
        {
            var count = (records / kinds.Length) + (k < records % kinds.Length ? 1 : 0);
            await RawSynthesizer.WriteAsync(kinds[k], count, Path.Combine(work, "raw", RawSynthesizer.Bundled[kinds[k]].RelativePath), 20250601, reference, ct);
        }

        await File.WriteAllTextAsync(marker, string.Join(",", kinds), ct);
        Console.WriteLine(Invariant($"synthesised {records:N0} raw records in {watch.Elapsed.TotalSeconds:0.0} s"));
    }

    private static async Task<int> ChildAsync(string role, string work, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var emptyPublic = Directory.CreateDirectory(Path.Combine(work, "no-public-data")).FullName;
        await using var root = CompositionRoot.Create(new CompositionOptions { RawDirectory = Path.Combine(work, "raw") });
        var definition = root.LoadPipeline(Path.Combine(work, "pipelines", "mlb.yaml"), emptyPublic);
        long pool;
        long read = 0;
        if (role.StartsWith("merge/", StringComparison.Ordinal))
        {
            var count = int.Parse(role[6..], CultureInfo.InvariantCulture);
            var outDir = Path.Combine(work, $"sharded-{count}");
            var set = ShardMerge.Check(outDir, count);
            if (set.Problems.Count > 0)
            {
                Console.Error.WriteLine(string.Join('\n', set.Problems));
                return 1;
            }

            var merged = await ShardMerge.WriteAsync(outDir, definition, set, [], TimeProvider.System, ct);
            pool = merged.Manifest.PoolItems;
            read = merged.Manifest.Stages[0].Received;
        }
        else
        {
            var shard = role == "single" ? null : ShardSpec.TryParse(role);
            var outDir = Path.Combine(work, shard is null ? "single" : $"sharded-{shard.Count}");
            var runDir = shard?.Folder(outDir) ?? outDir;
            var engines = await root.BuildRunAsync(definition, runDir, ct);
            var outcome = await new CurationRun(definition, engines, new RunOptions
            {
                OutputDirectory = runDir,
                Shard = shard,
                PoolFile = shard?.PoolPart(outDir),
            }).ExecuteAsync(ct);
            pool = outcome.Manifest.PoolItems;
            read = outcome.Manifest.Stages[0].Received;
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["records"] = read,
            ["pool"] = pool,
            ["seconds"] = watch.Elapsed.TotalSeconds,
            ["cpu"] = process.TotalProcessorTime.TotalSeconds,
            ["peak_mib"] = process.PeakWorkingSet64 / 1048576.0,
        }));
        return 0;
    }

    private static async Task<Dictionary<string, double>> ChildProcessAsync(string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScaleBenchmark).Assembly.Location);
        }

        foreach (var arg in (string[])["scale", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scale {string.Join(' ', args)} exited {process.ExitCode}");
        }

        return JsonSerializer.Deserialize<Dictionary<string, double>>(output.Trim().Split('\n')[^1])!;
    }

    private static void Print(string what, Dictionary<string, double> f) =>
        Console.WriteLine(Invariant($"{what,-12} {f["records"],10:N0} records -> {f["pool"],10:N0} pool items: {f["seconds"],7:0.0} s wall, {f["cpu"],7:0.0} s CPU, peak {f["peak_mib"],6:0} MiB"));

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
