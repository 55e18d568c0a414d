using System.Text.Json;
using CurationPipeline.Core;
using CurationPipeline.IO;
using CurationPipeline.Reporting;
using CurationPipeline.Sampling;
using CurationPipeline.Splits;

namespace CurationPipeline.Hosting;

/// <summary>
/// One whole run of a pipeline: the Dataflow graph up to the pool, then sampling and splits, then
/// rejects.jsonl, report.md and run.json, each written atomically. A cancelled run leaves no half-written
/// file; what it had finished before (e.g. the model cache) stays, so the next run resumes cheaply.
/// </summary>
public sealed class CurationRun(PipelineDefinition definition, PipelineEngines engines, RunOptions options)
{
    public PipelineRunner Runner { get; } = new(definition, engines, options);

    /// <summary>The model layer's counters for run.json, taken when the run ends; null when no model served the run.</summary>
    public Func<Llm.UsageSnapshot>? ModelUsage { get; init; }

    public async Task<RunOutcome> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ExecuteCoreAsync(cancellationToken);
        }
        finally
        {
            foreach (var resource in engines.Resources)
            {
                await resource.DisposeAsync();
            }
        }
    }

    private async Task<RunOutcome> ExecuteCoreAsync(CancellationToken cancellationToken)
    {
        var time = options.Time;
        var started = time.GetUtcNow();
        var startTicks = time.GetTimestamp();
        var outDir = options.OutputDirectory;
        Directory.CreateDirectory(outDir);

        // run.json is written last and marks the folder complete; a folder without one is from a run that did not finish.
        File.Delete(Path.Combine(outDir, "run.json"));
        await using var rejects = new RejectSink(Path.Combine(outDir, "rejects.jsonl"));
        var pool = await Runner.RunAsync(rejects, cancellationToken);
        foreach (var resource in engines.Resources)
        {
            await resource.CompleteAsync(cancellationToken);
        }

        // A shard's part of the pool is sampled by `curate merge` with the other parts.
        SplitsResult? splits = null;
        if (options.Shard is null)
        {
            var specs = definition.Datasets.Where(d => d.TargetN > 0).Select(d => SamplingSpec.For(definition, d)).ToList();
            splits = await SplitWriter.WriteAsync(pool.Files, specs, Runner.Seed, outDir, CardInfo(definition, engines.Description), cancellationToken);
        }

        await rejects.CommitAsync();

        var read = Runner.Stages[0];
        var fraction = read.Received == 0 ? 0 : (double)rejects.Count / read.Received;
        var exitCode = fraction > definition.Rejects.MaxFraction ? 1 : 0;
        var manifest = new RunManifest
        {
            Pipeline = definition.Name,
            PipelineFile = definition.FilePath,
            ConfigHash = definition.ConfigHash,
            PipelineVersion = PipelineInfo.Version,
            Seed = Runner.Seed,
            Limit = options.Limit,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            DurationSeconds = time.GetElapsedTime(startTicks).TotalSeconds,
            Engines = engines.Description,
            Stages = [.. Runner.Stages.Select(s => new StageSummary(s.Name, s.Received, s.Succeeded, s.Emitted, s.Rejected, s.Filtered, s.Busy.TotalSeconds, s.Balanced))],
            CountsBalanced = CountsBalanced(),
            Rejects = rejects.Count,
            RejectsByStage = rejects.ByStage,
            RejectFraction = fraction,
            MaxRejectFraction = definition.Rejects.MaxFraction,
            PoolItems = pool.Rows,
            PoolFiles = [.. pool.Files.Select(f => Path.GetRelativePath(outDir, f))],
            Splits = splits?.Files.ToDictionary(f => f.Dataset, f => f.Rows) ?? [],
            MissingSources = Runner.MissingSources,
            EmptySources = Runner.EmptySources,
            PendingHumanScores = splits?.PendingHuman ?? 0,
            ReviewAgreement = engines.ReviewAgreement?.Invoke() ?? [],
            ReviewPolicy = ConfigNames.Of(definition.ReviewPolicy),
            DifficultyThresholds = engines.DifficultyThresholds,
            DeidentificationMode = definition.Deidentification is { Enabled: false, Gate: false } ? null : ConfigNames.Of(definition.Deidentification.Mode),
            PhiGate = engines.Gate is not null,
            Models = ModelUsage?.Invoke(),
            Deidentification = engines.Deidentifier?.AuditSnapshot(),
            Dedup = engines.Deduplication?.Invoke(),
            ExitCode = exitCode,
            Shard = options.Shard is { } shard ? new ShardSummary(shard.Index, shard.Count, Runner.RecordsSeen, read.Received, pool.Rows) : null,
        };
        if (!manifest.CountsBalanced)
        {
            manifest = manifest with { ExitCode = 3 };
        }

        return await WriteReportAsync(outDir, definition, manifest, splits, cancellationToken);
    }

    /// <summary>Writes report.md, then run.json (last: it marks the folder complete).</summary>
    internal static async Task<RunOutcome> WriteReportAsync(string outDir, PipelineDefinition definition, RunManifest manifest, SplitsResult? splits, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "report.md"), RunReport.Render(manifest, splits, TopReasons(Path.Combine(outDir, "rejects.jsonl")),
            manifest.MissingSources.Count > 0 ? Datasets.MissingSourcesHint.For(definition, manifest.MissingSources) : null), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outDir, "run.json"), manifest.ToJson(), cancellationToken);
        return new RunOutcome(manifest, splits);
    }

    /// <summary>
    /// Every stage accounts for what it received, and each stage received exactly what the one before it
    /// emitted (the read stage's "emitted" are the records it passed on).
    /// </summary>
    private bool CountsBalanced()
    {
        var stages = Runner.Stages;
        for (var i = 0; i < stages.Count; i++)
        {
            if (!stages[i].Balanced || (i > 0 && stages[i].Received != stages[i - 1].Emitted))
            {
                return false;
            }
        }

        return true;
    }

    internal static DatasetCardInfo CardInfo(PipelineDefinition definition, IReadOnlyDictionary<string, string> engines) => new()
    {
        Pipeline = definition.Name,
        Description = definition.Description,
        ReviewPolicy = ConfigNames.Of(definition.ReviewPolicy),
        Engines = engines,
        Dimensions = definition.Datasets.ToDictionary(d => d.Name, d => (d.Primary, d.Secondary, d.Task), StringComparer.Ordinal),
        Scoring = definition.Datasets.ToDictionary(d => d.Name, d => d.Scoring ?? Items.ScoringMethod.Judge, StringComparer.Ordinal),
        Card = definition.Card,
        Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["curation.pipeline"] = definition.Name,
            ["curation.config_hash"] = definition.ConfigHash,
            ["curation.pipeline_version"] = PipelineInfo.Version,
        },
    };

    private static List<(string, int)> TopReasons(string rejectsPath)
    {
        if (!File.Exists(rejectsPath))
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(rejectsPath))
        {
            var reject = JsonSerializer.Deserialize<Reject>(line);
            if (reject is not null)
            {
                var key = $"{reject.Stage}: {reject.Reason}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(10).Select(kv => (kv.Key, kv.Value))];
    }
}

/// <summary>The manifest (run.json) and the splits of a finished run.</summary>
public sealed record RunOutcome(RunManifest Manifest, SplitsResult? Splits);
