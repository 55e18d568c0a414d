using System.CommandLine;
using System.Globalization;
using CurationPipeline.Composition;
using CurationPipeline.Hosting;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate merge --out DIR`: joins the shards of a sharded run, then samples and writes splits, card and report.</summary>
internal static class MergeCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The output folder the shards wrote to (holding shards/I-of-N and pool/part-I-of-N.parquet).", Required = true };
        var shards = new Option<int?>("--shards") { Description = "How many shards the run has (default: the one count found under shards/)." };
        var pipeline = new Option<FileInfo?>("--pipeline") { Description = "The pipeline file, when it is not where the shards' run.json says (its hash must match theirs)." };
        var wait = new Option<int?>("--wait") { Description = "Wait up to this many seconds for shards that have not finished yet (needs --shards)." };
        var command = new Command("merge", "Join the shards of a sharded run (curate run --shard I/N): check them, join pool parts, rejects, audits, caches and review stores, then sample and write the splits, card and report.")
        {
            output, shards, pipeline, wait,
        };
        command.SetAction((parse, ct) => RunAsync(console, errors, parse.GetValue(output)!.FullName, parse.GetValue(shards), parse.GetValue(pipeline), parse.GetValue(wait), ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, IAnsiConsole errors, string outDir, int? count, FileInfo? pipelineFile, int? wait, CancellationToken ct)
    {
        if (count is < 1)
        {
            throw new UsageException("--shards must be at least 1");
        }

        if (wait is not null && count is null)
        {
            throw new UsageException("--wait needs --shards N: shards that have not started yet leave no folder to count");
        }

        if (!Directory.Exists(outDir))
        {
            throw new UsageException($"{outDir}: no such folder");
        }

        var n = count ?? Count(outDir);
        var set = ShardMerge.Check(outDir, n);
        var deadline = DateTime.UtcNow.AddSeconds(wait ?? 0);
        // Waiting helps only while every problem is a shard that has not finished yet.
        while (set.Problems.Count > 0 && set.Problems.All(IsUnfinished) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, Math.Max(0.2, (deadline - DateTime.UtcNow).TotalSeconds))), ct);
            set = ShardMerge.Check(outDir, n);
        }

        if (set.Problems.Count > 0)
        {
            foreach (var problem in set.Problems)
            {
                errors.Error(problem);
            }

            errors.WriteLine($"{outDir}: {set.Shards.Count} of {n} shards can be merged; no split written");
            return ExitCodes.TooManyRejects;
        }

        using var folderLock = IO.OutputFolderLock.Acquire(outDir);
        await using var root = CompositionRoot.Create(new CompositionOptions());
        var path = pipelineFile?.FullName ?? set.PipelineFile!;
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: the pipeline file the shards ran is not there; give --pipeline FILE");
        }

        var definition = root.LoadPipeline(path);
        if (definition.ConfigHash != set.ConfigHash)
        {
            errors.Error($"{path}: its config hash {definition.ConfigHash} is not the shards' {set.ConfigHash}; the file changed after they ran");
            return ExitCodes.TooManyRejects;
        }

        // Every shard's model answers and review tasks in one cache and one store, each task once.
        long answers = 0;
        var tasks = 0;
        var caches = set.Shards.Select(s => Path.Combine(s.Folder, ShardOptions.CacheFile)).Where(File.Exists).ToList();
        if (caches.Count > 0)
        {
            using var cache = new Llm.ResponseCache(Path.Combine(outDir, ShardOptions.CacheFile));
            answers = caches.Sum(cache.MergeFrom);
        }

        using (var store = root.OpenReviewStore(Path.Combine(outDir, ShardOptions.ReviewFile)))
        {
            foreach (var shard in set.Shards)
            {
                tasks += store.MergeFrom(Path.Combine(shard.Folder, ShardOptions.ReviewFile));
            }

            var agreement = CurationPipeline.Review.Agreement.Of(store.Tasks());
            errors.MarkupLineInterpolated($"[bold]curate merge[/] {definition.Name}: {n} shards -> {outDir}");
            var outcome = await ShardMerge.WriteAsync(outDir, definition, set, agreement, TimeProvider.System, ct);
            var m = outcome.Manifest;
            var table = new Table().AddColumns("shard", "records", "pool items");
            foreach (var s in m.Shards!)
            {
                table.AddRow(s.Index.ToString(CultureInfo.InvariantCulture), s.RecordsTaken.ToString(CultureInfo.InvariantCulture), s.PoolItems.ToString(CultureInfo.InvariantCulture));
            }

            console.WriteTable("shards", table);
            console.MarkupLineInterpolated($"{m.PoolItems} items in the pool ({m.PoolFiles.Count} parts under pool/); {m.Rejects} rejects ({m.RejectFraction:P1}, threshold {m.MaxRejectFraction:P1}); counts balanced: {(m.CountsBalanced ? "yes" : "NO")}");
            console.MarkupLineInterpolated($"joined {tasks} review tasks into review.db and {answers} model answers into {ShardOptions.CacheFile}");
            console.MarkupLineInterpolated($"wrote {m.Splits.Count} splits under data/, README.md, report.md, sampling.md, rejects.jsonl, run.json");
            var exit = m.ExitCode switch
            {
                0 => ExitCodes.Success,
                1 => ExitCodes.TooManyRejects,
                _ => ExitCodes.Fault,
            };
            // The merged folder is verified as a single run's is; a merge that fails the check exits 1.
            var check = await CheckCommand.RunAsync(console, errors, outDir, null, ct);
            return exit == ExitCodes.Success && check != ExitCodes.Success ? ExitCodes.CheckFailed : exit;
        }
    }

    private static bool IsUnfinished(string problem) =>
        problem.Contains("never ran", StringComparison.Ordinal) || problem.Contains("no run.json", StringComparison.Ordinal);

    private static int Count(string outDir)
    {
        var counts = ShardMerge.Counts(outDir);
        return counts.Count switch
        {
            0 => throw new UsageException($"{outDir}: no shard found (shards/I-of-N); run `curate run PIPELINE --shard I/N --out {outDir}` first"),
            1 => counts[0],
            _ => throw new UsageException($"{outDir}: shards of {string.Join(" and ", counts)} are there; say which with --shards N"),
        };
    }
}
