namespace CurationPipeline.Bench;

/// <summary>One benchmark of `curate-bench NAME [args]`; its figures go to docs/benchmarks.md.</summary>
internal interface IBenchmark
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line for `curate-bench --list`.</summary>
    string Description { get; }

    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
