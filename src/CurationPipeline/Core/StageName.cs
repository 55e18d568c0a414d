namespace CurationPipeline.Core;

/// <summary>
/// The name of a stage of a run, as counts, rejects, progress and <c>stages.parallelism</c> write it. The host's own
/// stages are listed here; a model role may add one of its own (see <c>Roles/</c>).
/// </summary>
public readonly record struct StageName(string Name)
{
    public static StageName Read { get; } = new("read");

    public static StageName Deidentify { get; } = new("deidentify");

    /// <summary>Sends each record to the datasets that take it; always one at a time.</summary>
    public static StageName Route { get; } = new("route");

    public static StageName Generate { get; } = new("generate");

    public static StageName Validate { get; } = new("validate");

    public static StageName Gate { get; } = new("gate");

    /// <summary>Duplicates and public-benchmark contamination; always one item at a time, in flow order.</summary>
    public static StageName Dedup { get; } = new("dedup");

    public static StageName Calibrate { get; } = new("calibrate");

    public static StageName Tag { get; } = new("tag");

    public static StageName Review { get; } = new("review");

    public static StageName Write { get; } = new("write");

    /// <summary>The stages whose parallelism a pipeline file may set, besides those the model roles add.</summary>
    public static IReadOnlyList<StageName> Configurable { get; } = [Read, Deidentify, Generate, Validate, Gate, Calibrate, Tag, Review, Write];

    public static implicit operator string(StageName stage) => stage.Name;

    public override string ToString() => Name;
}
