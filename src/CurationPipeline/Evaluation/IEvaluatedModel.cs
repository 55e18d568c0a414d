using CurationPipeline.Items;

namespace CurationPipeline.Evaluation;

/// <summary>A model under evaluation: an endpoint of the endpoints file, or an offline baseline.</summary>
public interface IEvaluatedModel
{
    /// <summary>The name given with <c>--models</c>.</summary>
    string Name { get; }

    /// <summary>What produced the answers, e.g. <c>llm:qwen2.5-72b@vllm-a</c> or <c>offline:lexical-overlap</c>.</summary>
    string Engine { get; }

    /// <summary>
    /// Answers one presentation of an item. <paramref name="item"/> is the item as presented (options possibly
    /// shuffled), <paramref name="prompt"/> its rendered text; <paramref name="trial"/> numbers repeated runs.
    /// </summary>
    Task<string> AnswerAsync(BenchmarkItem item, string prompt, int trial, CancellationToken cancellationToken = default);
}
