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

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
