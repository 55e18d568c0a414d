using System.CommandLine;
using System.Globalization;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Hosting;
using CurationPipeline.Sources;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>`curate run PIPELINE`: the whole pipeline, from raw sources to the pool, splits and report.</summary>
internal static class RunCommand
{
    public static Command Create(IAnsiConsole console, IAnsiConsole errors)
    {
        var bundled = string.Join(", ", PipelineLoader.Bundled(Bundle.Pipelines).Keys);
        var pipeline = new Argument<string>("pipeline") { Description = $"Pipeline file (pipelines/mlb.yaml), or the name of a bundled pipeline ({bundled}; in {Bundle.Pipelines})." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default: curated/<pipeline name> in the current folder)." };
        var offline = new Option<bool>("--offline") { Description = "Use the embedded offline engines for every role (the default without --endpoints)." };
        var endpoints = new Option<FileInfo?>("--endpoints") { Description = "Endpoints file (YAML) for the model-backed roles." };
        var seed = new Option<int?>("--seed") { Description = "Seed of every random choice (overrides the pipeline's)." };
        var limit = new Option<int?>("--limit") { Description = "Read at most N records per source." };
        var publicData = new Option<DirectoryInfo?>("--public-data") { Description = $"Folder of the public datasets for this run (default: {PublicDataFolder.Variable}, else curate/datasets in the user's data folder; fill it with `curate datasets fetch`)." };
        var raw = new Option<DirectoryInfo?>("--raw") { Description = "Bundled knowledge, lexicons and department terms the offline engines use (default: ../raw beside the pipeline file)." };
        var command = new Command("run", "Run a pipeline end to end: read, de-identify, generate, validate, label, write the pool and the per-dataset splits.")
        {
            pipeline, output, offline, endpoints, seed, limit, raw, publicData,
        };
        var calls = new ModelCallOptions();
        calls.AddTo(command);
        var shards = new ShardOptions();
        shards.AddTo(command);
        command.SetAction((parse, ct) => new Runner(console, errors) { Shard = shards.Resolve(parse), CacheGiven = parse.GetValue(calls.Cache) is not null || parse.GetValue(calls.NoCache) }.RunAsync(
            parse.GetValue(pipeline)!, parse.GetValue(output), parse.GetValue(offline), parse.GetValue(endpoints),
            parse.GetValue(seed), parse.GetValue(limit), parse.GetValue(raw), parse.GetValue(publicData),
            d => calls.CachePath(parse, d.Cache, Path.GetDirectoryName(d.FilePath)), (outDir, cache) => calls.HubOptions(parse, outDir, cache), ct));
        return command;
    }

    private sealed class Runner(IAnsiConsole console, IAnsiConsole errors)
    {
        /// <summary>The shard this run is, or null for a whole run.</summary>
        public ShardSpec? Shard { get; init; }

        /// <summary>True when --cache or --no-cache was given (a shard then keeps no cache of its own).</summary>
        public bool CacheGiven { get; init; }

        public async Task<int> RunAsync(string pipelineNameOrFile, DirectoryInfo? output, bool offline, FileInfo? endpointsFile, int? seed, int? limit, DirectoryInfo? raw, DirectoryInfo? publicData,
            Func<PipelineDefinition, string?> cachePath, Func<string, string?, Llm.ModelHubOptions> hubOptions, CancellationToken ct)
        {
            if (offline && endpointsFile is not null)
            {
                throw new UsageException("--offline and --endpoints exclude each other");
            }

            if (limit is <= 0)
            {
                throw new UsageException("--limit must be at least 1");
            }

            var definition = PipelineLoader.Load(PipelineLoader.Locate(pipelineNameOrFile, Bundle.Pipelines), publicData?.FullName);
            var runDir = output?.FullName ?? Path.GetFullPath(Path.Combine("curated", definition.Name));
            var outDir = Shard?.Folder(runDir) ?? runDir;
            var rawDir = raw?.FullName ?? definition.ResolvePath("../raw");
            using var folderLock = IO.OutputFolderLock.Acquire(outDir);
            if (folderLock.StaleOwner is { } stale)
            {
                errors.Warning($"took over a stale lock of process {stale}, which no longer runs; its outputs are replaced");
            }

            if (folderLock.RemovedTemporaries > 0)
            {
                errors.Warning($"removed {folderLock.RemovedTemporaries} temporary file(s) left by a run that was killed while writing");
            }

            var options = hubOptions(outDir, Shard is not null && !CacheGiven ? Path.Combine(outDir, ShardOptions.CacheFile) : cachePath(definition));
            var subject = $"run {definition.Name} {definition.ConfigHash} seed {seed?.ToString(CultureInfo.InvariantCulture) ?? "-"} limit {limit?.ToString(CultureInfo.InvariantCulture) ?? "-"}";
            if (options.Plan)
            {
                return await PlanAsync(definition, endpointsFile, rawDir, outDir, options, seed, limit, subject, ct);
            }

            await using var root = CompositionRoot.Create(new CompositionOptions
            {
                RawDirectory = rawDir,
                EndpointsFile = endpointsFile?.FullName,
                ModelLayer = options,
            });
            if (definition.Limits.RecordTimeout is null && root.Endpoints?.Endpoints.Any(e => e.Batch) == true)
            {
                definition.Limits.RecordTimeout = 0; // a batch may answer hours later: no time budget unless the file sets one
            }

            if (Shard is not null)
            {
                ShardOptions.Seed(runDir, outDir, endpointsFile is null ? null : options.CachePath, root.OpenReviewStore);
            }

            var engines = await root.BuildRunAsync(definition, outDir, ct);
            var hub = root.Hub;
            var run = new CurationRun(definition, engines, new RunOptions
            {
                OutputDirectory = outDir,
                Seed = seed,
                Limit = limit,
                Shard = Shard,
                PoolFile = Shard?.PoolPart(runDir),
            })
            {
                ModelUsage = hub is null ? null : hub.Usage,
            };

            errors.MarkupLineInterpolated($"[bold]curate run[/] {definition.Name}: {definition.Datasets.Count} datasets, {definition.Sources.Count} sources -> {outDir}");
            foreach (var (role, engine) in engines.Description.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                errors.MarkupLineInterpolated($"  {role}: [grey]{engine}[/]");
            }

            var work = run.ExecuteAsync(ct);
            RunOutcome outcome;
            try
            {
                await new StageProgress(errors, run.Runner.Stages, TimeProvider.System)
                {
                    Status = hub is null ? null : new ModelProgress(hub, CallPlan.Read(outDir, subject)).Line,
                }.WatchAsync(work);
                outcome = await work;
            }
            catch (Exception) when (ct.IsCancellationRequested && hub?.Cache is { } cache)
            {
                // Calls in flight get a grace to answer; what they answer is stored before the process ends.
                await cache.DrainAsync();
                errors.MarkupLineInterpolated($"kept: {cache.Received} model answers received in this run, in the cache {cache.Path}; running again does not pay for them");
                throw;
            }

            Summarise(outcome, definition, outDir);
            if (Shard is not null && outcome.Manifest.ExitCode == 1)
            {
                // One shard's share of rejects does not fail the run; the merge judges the whole (and exits 1 when over).
                errors.Warning($"this shard rejected {outcome.Manifest.RejectFraction:P1} of its records (threshold {outcome.Manifest.MaxRejectFraction:P1}); `curate merge` judges the whole run");
                return ExitCodes.Success;
            }

            if (hub is not null)
            {
                console.WriteLine(hub.Usage().ToTable());
            }

            var exit = outcome.Manifest.ExitCode switch
            {
                0 => ExitCodes.Success,
                1 => ExitCodes.TooManyRejects,
                _ => ExitCodes.Fault,
            };
            if (Shard is not null)
            {
                return exit; // a shard writes no splits: `curate merge` checks the whole run
            }

            // A run verifies what it wrote; one that fails its own check exits 1.
            var check = await CheckCommand.RunAsync(console, errors, outDir, null, ct);
            return exit == ExitCodes.Success && check != ExitCodes.Success ? ExitCodes.CheckFailed : exit;
        }

        private async Task<int> PlanAsync(PipelineDefinition definition, FileInfo? endpointsFile, string rawDir, string outDir, Llm.ModelHubOptions options,
            int? seed, int? limit, string subject, CancellationToken ct)
        {
            if (endpointsFile is null)
            {
                throw new UsageException("--plan counts model calls: give --endpoints FILE (the offline engines call no model)");
            }

            errors.MarkupLineInterpolated($"[bold]curate run --plan[/] {definition.Name}: running the pipeline without calling any model");
            var plan = await CallPlan.ForRunAsync(definition, endpointsFile.FullName, rawDir, options, seed, limit, ct);
            CallPlan.Print(console, plan);
            await CallPlan.WriteAsync(outDir, subject, plan, ct);
            console.MarkupLineInterpolated($"wrote {Path.Combine(outDir, CallPlan.FileName)}");
            return ExitCodes.Success;
        }

        private void Summarise(RunOutcome outcome, PipelineDefinition definition, string outDir)
        {
            var m = outcome.Manifest;
            var stages = new Table().AddColumns("stage", "received", "emitted", "rejected", "filtered", "seconds");
            foreach (var s in m.Stages)
            {
                stages.AddRow(s.Name, N(s.Received), N(s.Emitted), N(s.Rejected), N(s.Filtered), s.Seconds.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.WriteTable("stages", stages);
            if (outcome.Splits is { } splits)
            {
                var table = new Table().AddColumns("dataset", "target", "items", "Hard", "Medium", "Easy", "coverage");
                foreach (var d in splits.Report.Datasets)
                {
                    table.AddRow(d.Dataset, N(d.TargetN), N(d.SampleSize), N(d.SampleByDifficulty.Hard), N(d.SampleByDifficulty.Medium), N(d.SampleByDifficulty.Easy), d.Coverage);
                }

                console.WriteTable("splits", table);
            }

            foreach (var empty in m.EmptySources)
            {
                errors.Warning($"source file holds no record: {empty}");
            }

            if (m.MissingSources.Count > 0)
            {
                errors.Warning($"optional sources not found, skipped: {string.Join(", ", m.MissingSources)}");
                foreach (var line in Datasets.MissingSourcesHint.For(definition, m.MissingSources).Advice(withFolder: true))
                {
                    errors.WriteLine("  " + line);
                }
            }

            console.MarkupLineInterpolated($"{m.PoolItems} items in the pool; {m.Rejects} rejects ({m.RejectFraction:P1}, threshold {m.MaxRejectFraction:P1}) in rejects.jsonl; counts balanced: {(m.CountsBalanced ? "yes" : "NO")}");
            if (m.Shard is { } shard)
            {
                console.MarkupLineInterpolated($"wrote {m.PoolFiles[0]} and {outDir}: rejects.jsonl, calibration.parquet, review.db, report.md, run.json; shard {shard.Index} of {shard.Count} took {shard.RecordsTaken} of {shard.RecordsSeen} source records (join the shards with `curate merge`)");
                return;
            }

            console.MarkupLineInterpolated($"wrote {Path.Combine(outDir, "pool.parquet")}, data/<dataset>/test-*.parquet, README.md, report.md, sampling.md, run.json");
        }

        private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
