using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;

namespace CurationPipeline.Hosting;

/// <summary>
/// What a run is made of, built by the composition root from the pipeline, its extensions and the endpoints file:
/// the source formats, the generator of each dataset, de-identification, the item rules and the item stages in order.
/// The runner only sees these seams.
/// </summary>
public sealed class PipelineEngines
{
    /// <summary>The formats the sources are read in.</summary>
    public required SourceFormatRegistry Formats { get; init; }

    /// <summary>The generator of a dataset (its paradigm's engine, or the public importer).</summary>
    public required Func<DatasetDefinition, IItemGenerator> Generators { get; init; }

    /// <summary>The rules every item satisfies before it enters the pool: those of every item and of its paradigm.</summary>
    public BenchmarkItemValidator ItemValidator { get; init; } = new();

    /// <summary>De-identifies source text before any engine sees it; null when switched off.</summary>
    public ISourceDeidentifier? Deidentifier { get; init; }

    /// <summary>Scans a generated item for personal data again; null when switched off.</summary>
    public IItemGate? Gate { get; init; }

    /// <summary>
    /// The stages that enrich items after the gate, in order: those of the model roles (calibration, department tagging)
    /// and last the review stage, which applies the review store's decisions and queues new review tasks.
    /// </summary>
    public IReadOnlyList<IItemStage> Stages { get; init; } = [];

    /// <summary>Agreement of the two reviewers per criterion (Cohen's kappa), read from the review store for the report.</summary>
    public Func<IReadOnlyList<Review.CriterionAgreement>>? ReviewAgreement { get; init; }

    /// <summary>What the dedup stage found (counts, clusters, contamination), for run.json and the report; null without the stage.</summary>
    public Func<Deduplication.DedupSummary>? Deduplication { get; init; }

    /// <summary>Which engine serves which role, for run.json and the report (e.g. generator: offline).</summary>
    public IReadOnlyDictionary<string, string> Description { get; init; } = new Dictionary<string, string>();

    /// <summary>The thresholds difficulty labels follow, by name (run.json's <c>difficulty_thresholds</c>); empty without calibration.</summary>
    public IReadOnlyDictionary<string, double> DifficultyThresholds { get; init; } = new Dictionary<string, double>();

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
