using System.CommandLine;
using System.Globalization;
using CurationPipeline.Hosting;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// `curate run --shard I/N` or `--shards N` (the index from the engine's environment): the run takes one
/// deterministic part of the source records and writes into its own folder, <c>shards/I-of-N</c>.
/// </summary>
internal sealed class ShardOptions
{
    /// <summary>Kubernetes Indexed Jobs: the pod's index, 0 to completions - 1.</summary>
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>Slurm job arrays: the task's id, its array's count and lowest id.</summary>
    public const string SlurmIndex = "SLURM_ARRAY_TASK_ID";
    public const string SlurmCount = "SLURM_ARRAY_TASK_COUNT";
    public const string SlurmMin = "SLURM_ARRAY_TASK_MIN";

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Run shard I of N (I from 0 to N-1): only the source records whose identity hashes to I; writes pool/part-I-of-N.parquet and shards/I-of-N/ (join the shards with `curate merge`).",
    };

    public Option<int?> Shards { get; } = new("--shards")
    {
        Description = $"Run one shard of N, its index taken from {KubernetesIndex} (Kubernetes Indexed Job) or {SlurmIndex} (Slurm array, checked against {SlurmCount}).",
    };

    /// <summary>The model cache of a shard (in its folder) and the joined cache of a merged run (in the run's folder).</summary>
    public const string CacheFile = "cache.db";

    /// <summary>The review store of a shard and of the merged run.</summary>
    public const string ReviewFile = "review.db";

    public void AddTo(Command command)
    {
        command.Options.Add(Shard);
        command.Options.Add(Shards);
    }

    /// <summary>The shard this invocation runs, or null for a whole run.</summary>
    public ShardSpec? Resolve(ParseResult parse, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var text = parse.GetValue(Shard);
        var count = parse.GetValue(Shards);
        if (text is not null && count is not null)
        {
            throw new UsageException("--shard and --shards exclude each other");
        }

        if (text is not null)
        {
            return ShardSpec.TryParse(text) ?? throw new UsageException($"--shard {text}: expected I/N with 0 <= I < N (e.g. --shard 0/4)");
        }

        if (count is null)
        {
            return null;
        }

        if (environment(KubernetesIndex) is { Length: > 0 } k8s)
        {
            return Spec(KubernetesIndex, k8s, 0, count.Value);
        }

        if (environment(SlurmIndex) is { Length: > 0 } slurm)
        {
            var min = environment(SlurmMin) is { Length: > 0 } m ? Number(SlurmMin, m) : 0;
            var slurmCount = environment(SlurmCount) is { Length: > 0 } c ? Number(SlurmCount, c) : (int?)null;
            if (slurmCount is { } sc && sc != count.Value)
            {
                throw new UsageException($"--shards {count.Value} but the Slurm array has {sc} tasks ({SlurmCount})");
            }

            return Spec(SlurmIndex, slurm, min, count.Value);
        }

        throw new UsageException($"--shards takes the shard index from {KubernetesIndex} (Kubernetes) or {SlurmIndex} (Slurm); neither is set: give --shard I/N");
    }

    private static ShardSpec Spec(string variable, string value, int min, int count)
    {
        var index = Number(variable, value) - min;
        if (count < 1 || index < 0 || index >= count)
        {
            throw new UsageException($"{variable}={value} is not a shard of {count} (the index must be from 0 to {count - 1}{(min > 0 ? $" after subtracting {SlurmMin}={min}" : "")})");
        }

        return new ShardSpec(index, count);
    }

    private static int Number(string variable, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"{variable}={value} is not a whole number");

    /// <summary>
    /// Before a shard runs: what the merged run already holds (<c>cache.db</c>, <c>review.db</c> in <paramref name="runDir"/>)
    /// goes into the shard's own cache and review store, so a re-run pays no answered call again and applies every decision made.
    /// </summary>
    public static void Seed(string runDir, string shardDir, string? cachePath, Func<string, CurationPipeline.Review.ReviewStore> openReviewStore)
    {
        var mergedCache = Path.Combine(runDir, CacheFile);
        if (cachePath is not null && File.Exists(mergedCache))
        {
            using var cache = new Llm.ResponseCache(cachePath);
            cache.MergeFrom(mergedCache);
        }

        var mergedReview = Path.Combine(runDir, ReviewFile);
        if (File.Exists(mergedReview))
        {
            using var store = openReviewStore(Path.Combine(shardDir, ReviewFile));
            store.MergeFrom(mergedReview);
        }
    }
}
