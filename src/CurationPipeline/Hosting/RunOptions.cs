namespace CurationPipeline.Hosting;

/// <summary>Settings of one run that are not in the pipeline file.</summary>
public sealed class RunOptions
{
    /// <summary>Folder for pool, splits, rejects and run.json.</summary>
    public required string OutputDirectory { get; init; }

    /// <value>Overrides the pipeline's seed when set.</value>
    public int? Seed { get; init; }

    /// <value>Reads at most this many records per source when set (for trials and demos).</value>
    public int? Limit { get; init; }

    /// <value>Rows per pool file before the pool is split into <c>pool/part-*.parquet</c>. Default 250,000.</value>
    public int PoolPartRows { get; init; } = 250_000;

    /// <value>The part of the source records this run takes, when it is one shard of a sharded run.</value>
    public ShardSpec? Shard { get; init; }

    /// <value>One file for the whole pool (a shard's <c>pool/part-I-of-N.parquet</c>) instead of <c>pool.parquet</c> or parts.</value>
    public string? PoolFile { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
