using CurationPipeline.Core;

namespace CurationPipeline.Hosting;

/// <summary>
/// The engines a run uses for each role, offline or model-backed, chosen by the caller (the CLI builds
/// them from the pipeline's roles and the endpoints file). The runner only sees these seams.
/// </summary>
public sealed class PipelineEngines
{
    /// <summary>The generator of a dataset (its paradigm's engine, or the public importer).</summary>
    public required Func<DatasetDefinition, IItemGenerator> Generators { get; init; }

    /// <summary>De-identifies source text before any engine sees it; null when switched off.</summary>
    public ISourceDeidentifier? Deidentifier { get; init; }

    /// <summary>Scans a generated item for personal data again; null when switched off.</summary>
    public IItemGate? Gate { get; init; }

    /// <summary>Labels difficulty; null when the run has no calibration stage.</summary>
    public IItemStage? Calibration { get; init; }

    /// <summary>Tags departments; null when the run has no tagging stage.</summary>
    public IItemStage? Tagger { get; init; }

    /// <summary>Applies the review store's decisions and queues new review tasks; null when the run has none.</summary>
    public IItemStage? Review { get; init; }

    /// <summary>Agreement of the two reviewers per criterion (Cohen's kappa), read from the review store for the report.</summary>
    public Func<IReadOnlyList<Review.CriterionAgreement>>? ReviewAgreement { get; init; }

    /// <summary>Which engine serves which role, for run.json and the report (e.g. generator: offline).</summary>
    public IReadOnlyDictionary<string, string> Description { get; init; } = new Dictionary<string, string>();

    /// <summary>Outputs the engines write during the run (e.g. the calibration table), completed after the pool.</summary>
    public IReadOnlyList<RunResource> Resources { get; init; } = [];
}

/// <summary>An output an engine writes during a run: completed when the run succeeds, disposed (abandoned) otherwise.</summary>
public sealed class RunResource(Func<CancellationToken, Task> complete, IAsyncDisposable resource) : IAsyncDisposable
{
    public Task CompleteAsync(CancellationToken cancellationToken) => complete(cancellationToken);

    /// <summary>Disposing without completing abandons the output: its temporary file is deleted.</summary>
    public ValueTask DisposeAsync() => resource.DisposeAsync();
}
