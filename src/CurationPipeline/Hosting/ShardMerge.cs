using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Core;
using CurationPipeline.IO;
using CurationPipeline.Reporting;
using CurationPipeline.Sampling;
using CurationPipeline.Splits;

namespace CurationPipeline.Hosting;

/// <summary>
/// `curate merge`: the shards of a sharded run (<c>shards/I-of-N/run.json</c> and <c>pool/part-I-of-N.parquet</c>)
/// checked and joined into one run. <see cref="Check"/> names every shard that is missing, unfinished, failed or
/// run with another configuration; <see cref="WriteAsync"/> samples the pool parts (read as one dataset, never
/// copied) and writes the splits, card, report, the joined rejects and run.json, as a single run would.
/// </summary>
public static partial class ShardMerge
{
    /// <summary>The shard counts found under <c>shards/</c> of <paramref name="outputDirectory"/>.</summary>
    public static IReadOnlyList<int> Counts(string outputDirectory)
    {
        var folder = Path.Combine(outputDirectory, "shards");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(folder)
            .Select(d => ShardName().Match(Path.GetFileName(d)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .Order()];
    }

    /// <summary>Reads every shard of <paramref name="count"/>; the problems name each shard that cannot be merged (none when all can).</summary>
    public static ShardSet Check(string outputDirectory, int count)
    {
        var shards = new List<ShardRun>();
        var problems = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var spec = new ShardSpec(i, count);
            var folder = spec.Folder(outputDirectory);
            var runJson = Path.Combine(folder, "run.json");
            var name = $"shard {spec.Index} of {count} (shards/{spec.Name})";
            if (!Directory.Exists(folder))
            {
                problems.Add($"{name}: never ran (no folder)");
                continue;
            }

            if (!File.Exists(runJson))
            {
                problems.Add(File.Exists(Path.Combine(folder, OutputFolderLock.FileName))
                    ? $"{name}: still running, or stopped before the end (no run.json, {OutputFolderLock.FileName} present)"
                    : $"{name}: did not finish (no run.json)");
                continue;
            }

            ShardRun? run;
            try
            {
                run = JsonSerializer.Deserialize<ShardRun>(File.ReadAllText(runJson), RunManifest.Json);
            }
            catch (JsonException e)
            {
                problems.Add($"{name}: run.json cannot be read ({e.Message})");
                continue;
            }

            if (run?.Shard is not { } shard || shard.Index != i || shard.Count != count)
            {
                problems.Add($"{name}: run.json is not that of shard {i} of {count}");
                continue;
            }

            if (run.ExitCode is not (0 or 1) || !run.CountsBalanced)
            {
                problems.Add($"{name}: failed (exit code {run.ExitCode}, counts balanced: {(run.CountsBalanced ? "yes" : "no")})");
                continue;
            }

            run.Folder = folder;
            var pool = run.PoolFiles.Select(f => Path.GetFullPath(Path.Combine(folder, f))).ToList();
            var missing = pool.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null)
            {
                problems.Add($"{name}: its pool part {Path.GetRelativePath(outputDirectory, missing)} is missing");
                continue;
            }

            var rows = pool.Sum(f =>
            {
                using var file = Parquet.ParquetFile.Open(f);
                return file.RowCount;
            });
            if (rows != run.PoolItems)
            {
                problems.Add($"{name}: its pool part holds {rows} rows, run.json says {run.PoolItems}");
                continue;
            }

            run.Pool = pool;
            shards.Add(run);
        }

        if (shards.Count > 0)
        {
            var first = shards[0];
            foreach (var s in shards.Skip(1))
            {
                var name = $"shard {s.Shard!.Index} of {count}";
                Differ(name, "config hash", s.ConfigHash, first.ConfigHash);
                Differ(name, "seed", s.Seed.ToString(CultureInfo.InvariantCulture), first.Seed.ToString(CultureInfo.InvariantCulture));
                Differ(name, "pipeline version", s.PipelineVersion, first.PipelineVersion);
                Differ(name, "--limit", s.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none", first.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none");
                Differ(name, "source records read", s.Shard.RecordsSeen.ToString(CultureInfo.InvariantCulture), first.Shard!.RecordsSeen.ToString(CultureInfo.InvariantCulture));
            }

            if (problems.Count == 0 && shards.Sum(s => s.Shard!.RecordsTaken) != first.Shard!.RecordsSeen)
            {
                problems.Add($"the shards took {shards.Sum(s => s.Shard!.RecordsTaken)} source records between them, but each read {first.Shard.RecordsSeen}");
            }

            void Differ(string name, string what, string value, string expected)
            {
                if (value != expected)
                {
                    problems.Add($"{name}: {what} {value} differs from shard {first.Shard!.Index}'s {expected}");
                }
            }
        }

        return new ShardSet(count, shards, problems);
    }

    /// <summary>
    /// Joins checked shards: removes pool files that are not theirs, samples the parts, writes the splits, card,
    /// sampling report, rejects.jsonl, report.md and run.json in <paramref name="outputDirectory"/>.
    /// </summary>
    public static async Task<RunOutcome> WriteAsync(string outputDirectory, PipelineDefinition definition, ShardSet set,
        IReadOnlyList<Review.CriterionAgreement> reviewAgreement, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(set);
        if (set.Problems.Count > 0 || set.Shards.Count != set.Count)
        {
            throw new InvalidOperationException("the shards do not merge: " + string.Join("; ", set.Problems));
        }

        var shards = set.Shards;
        var first = shards[0];
        var outDir = outputDirectory;
        File.Delete(Path.Combine(outDir, "run.json"));
        var pool = shards.SelectMany(s => s.Pool).ToList();
        RemoveStalePool(outDir, pool);

        var rejectsPath = Path.Combine(outDir, "rejects.jsonl");
        await JoinAsync(rejectsPath, shards.Select(s => Path.Combine(s.Folder, "rejects.jsonl")), cancellationToken);

        var specs = definition.Datasets.Where(d => d.TargetN > 0).Select(d => SamplingSpec.For(definition, d)).ToList();
        var splits = await SplitWriter.WriteAsync(pool, specs, first.Seed, outDir, CurationRun.CardInfo(definition, first.Engines), cancellationToken);

        var seen = first.Shard!.RecordsSeen;
        var read = shards.Sum(s => s.Stages.FirstOrDefault()?.Received ?? 0);
        var rejects = shards.Sum(s => s.Rejects);
        var fraction = read == 0 ? 0 : (double)rejects / read;
        var balanced = shards.All(s => s.CountsBalanced) && shards.Sum(s => s.Shard!.RecordsTaken) == seen;
        var started = shards.Min(s => s.StartedAt);
        var finished = time.GetUtcNow();
        var manifest = new RunManifest
        {
            Pipeline = first.Pipeline,
            PipelineFile = definition.FilePath,
            ConfigHash = first.ConfigHash,
            PipelineVersion = first.PipelineVersion,
            Seed = first.Seed,
            Limit = first.Limit,
            StartedAt = started,
            FinishedAt = finished,
            DurationSeconds = (finished - started).TotalSeconds,
            Engines = first.Engines,
            Stages = [.. first.Stages.Select((stage, i) => Sum(stage.Name, shards.Select(s => s.Stages.ElementAtOrDefault(i)).ToList()))],
            CountsBalanced = balanced,
            Rejects = rejects,
            RejectsByStage = shards.SelectMany(s => s.RejectsByStage).GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal),
            RejectFraction = fraction,
            MaxRejectFraction = definition.Rejects.MaxFraction,
            PoolItems = shards.Sum(s => s.PoolItems),
            PoolFiles = [.. pool.Select(f => Path.GetRelativePath(outDir, f))],
            Splits = splits.Files.ToDictionary(f => f.Dataset, f => f.Rows),
            MissingSources = first.MissingSources,
            EmptySources = [.. shards.SelectMany(s => s.EmptySources).Distinct(StringComparer.Ordinal)],
            PendingHumanScores = splits.PendingHuman,
            ReviewAgreement = reviewAgreement,
            Deidentification = SumAudits(shards.Select(s => s.Deidentification).OfType<DeidentificationAudit>().ToList()),
            ExitCode = !balanced ? 3 : fraction > definition.Rejects.MaxFraction ? 1 : 0,
            Shards = [.. shards.Select(s => s.Shard!)],
            ReviewPolicy = first.ReviewPolicy,
            DifficultyThresholds = first.DifficultyThresholds,
            DeidentificationMode = first.DeidentificationMode,
            PhiGate = first.PhiGate,
        };

        return await CurationRun.WriteReportAsync(outDir, definition, manifest, splits, cancellationToken);
    }

    private static StageSummary Sum(string name, IReadOnlyList<StageSummary?> stages)
    {
        var all = stages.OfType<StageSummary>().Where(s => s.Name == name).ToList();
        return new StageSummary(name, all.Sum(s => s.Received), all.Sum(s => s.Succeeded), all.Sum(s => s.Emitted), all.Sum(s => s.Rejected),
            all.Sum(s => s.Filtered), all.Sum(s => s.Seconds), all.Count == stages.Count && all.All(s => s.Balanced));
    }

    private static DeidentificationAudit? SumAudits(IReadOnlyList<DeidentificationAudit> audits)
    {
        if (audits.Count == 0)
        {
            return null;
        }

        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySource = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var audit in audits)
        {
            foreach (var (category, n) in audit.Totals)
            {
                totals[category] = totals.GetValueOrDefault(category) + n;
            }

            foreach (var (source, counts) in audit.BySource)
            {
                var into = bySource.TryGetValue(source, out var existing) ? existing : bySource[source] = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (category, n) in counts)
                {
                    into[category] = into.GetValueOrDefault(category) + n;
                }
            }
        }

        return new DeidentificationAudit(audits.Sum(a => a.Texts), audits.Sum(a => a.Total), totals,
            bySource.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal));
    }

    /// <summary>A pool left by an earlier run (one file, or parts of another count) must not be read with this one.</summary>
    private static void RemoveStalePool(string outDir, IReadOnlyList<string> pool)
    {
        File.Delete(Path.Combine(outDir, "pool.parquet"));
        var keep = pool.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var parts = Path.Combine(outDir, "pool");
        if (Directory.Exists(parts))
        {
            foreach (var stale in Directory.EnumerateFiles(parts, "part-*.parquet").Where(f => !keep.Contains(Path.GetFullPath(f))))
            {
                File.Delete(stale);
            }
        }
    }

    private static async Task JoinAsync(string path, IEnumerable<string> parts, CancellationToken cancellationToken)
    {
        var temp = AtomicFile.TempName(path);
        try
        {
            await using (var output = File.Create(temp))
            {
                foreach (var part in parts.Where(File.Exists))
                {
                    await using var input = File.OpenRead(part);
                    await input.CopyToAsync(output, cancellationToken);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [GeneratedRegex(@"^(\d+)-of-(\d+)$")]
    private static partial Regex ShardName();
}

/// <summary>The shards of one count as read from their folders, and what keeps any of them from being merged.</summary>
public sealed record ShardSet(int Count, IReadOnlyList<ShardRun> Shards, IReadOnlyList<string> Problems)
{
    /// <summary>The pipeline file the shards ran, as their run.json names it.</summary>
    public string? PipelineFile => Shards.Count > 0 ? Shards[0].PipelineFile : null;

    /// <summary>The configuration hash the shards ran with.</summary>
    public string? ConfigHash => Shards.Count > 0 ? Shards[0].ConfigHash : null;
}

/// <summary>What merging needs of a shard's run.json (other fields are left unread).</summary>
public sealed class ShardRun
{
    public string Pipeline { get; init; } = "";
    public string PipelineFile { get; init; } = "";
    public string ConfigHash { get; init; } = "";
    public string PipelineVersion { get; init; } = "";
    public int Seed { get; init; }
    public int? Limit { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public IReadOnlyDictionary<string, string> Engines { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<StageSummary> Stages { get; init; } = [];
    public bool CountsBalanced { get; init; }
    public long Rejects { get; init; }
    public IReadOnlyDictionary<string, int> RejectsByStage { get; init; } = new Dictionary<string, int>();
    public long PoolItems { get; init; }
    public IReadOnlyList<string> PoolFiles { get; init; } = [];
    public IReadOnlyList<string> MissingSources { get; init; } = [];
    public IReadOnlyList<string> EmptySources { get; init; } = [];
    public DeidentificationAudit? Deidentification { get; init; }
    public int ExitCode { get; init; }
    public ShardSummary? Shard { get; init; }
    public string? ReviewPolicy { get; init; }
    public IReadOnlyDictionary<string, double> DifficultyThresholds { get; init; } = new Dictionary<string, double>();
    public string? DeidentificationMode { get; init; }
    public bool PhiGate { get; init; }

    /// <summary>The shard's folder (<c>shards/I-of-N</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Folder { get; internal set; } = "";

    /// <summary>The shard's pool files, full paths.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Pool { get; internal set; } = [];
}
