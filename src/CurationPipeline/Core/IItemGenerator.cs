using CurationPipeline.Items;

namespace CurationPipeline.Core;

/// <summary>
/// A generation engine of one paradigm: turns a (de-identified) source record into benchmark items for a
/// dataset. Two kinds implement it per paradigm: an LLM engine over <c>IChatClient</c> and a deterministic
/// offline engine. Both emit the same item shape and pass the same validators.
/// </summary>
public interface IItemGenerator
{
    /// <summary>The paradigm this engine implements.</summary>
    Paradigm Paradigm { get; }

    /// <summary>What produced the items, written to provenance, e.g. <c>offline:p1-knowledge-tables/1</c> or <c>llm:m1/qwen2.5-72b</c>.</summary>
    string Engine { get; }

    /// <summary>
    /// Makes up to <see cref="DatasetDefinition.ItemsPerRecord"/> items. A record that cannot yield an item
    /// throws <see cref="RecordRejectedException"/> with the reason; the stage turns it into a reject.
    /// </summary>
    Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default);
}

/// <summary>What every engine may use: the run's seed, pipeline version and the dataset's prompt.</summary>
public sealed class GenerationContext
{
    public required int Seed { get; init; }

    public required string PipelineVersion { get; init; }

    /// <summary>SHA-256 (hex, 16 chars) of the dataset's prompt template, when the engine uses one.</summary>
    public string? PromptHash { get; init; }

    /// <summary>The prompt template text, when the dataset names one.</summary>
    public string? PromptTemplate { get; init; }

}

/// <summary>One record cannot be used; the reason goes to rejects.jsonl and the run goes on.</summary>
public sealed class RecordRejectedException(string reason, string? field = null, string? rawResponse = null) : Exception(reason)
{
    /// <summary>The field of the record or item at fault, when one is.</summary>
    public string? Field { get; } = field;

    /// <summary>A model's raw answer, kept for inspection.</summary>
    public string? RawResponse { get; } = rawResponse;
}
