using System.Text.Json.Serialization;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// Knowledge probing over a model: the answer schema is a question, five options, the answer letter, an explanation
/// and what else the source makes true; it must pass <see cref="KnowledgeProbingChecks"/>, else the model is asked again.
/// </summary>
public sealed class LlmKnowledgeProbing(LlmModel model, DatasetDefinition dataset) : LlmGenerator(model, dataset)
{
    private static readonly string[] HallucinationTypes = ["false_premise", "fabricated_entity", "misattribution"];

    protected override async Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dataset.Options.GetValueOrDefault("variant") == "hallucination")
        {
            var type = RecordRandom.For(context.Seed, dataset.Name, record.RecordId, "hallucination").Pick(HallucinationTypes);
            values["hallucination_type"] = type;
            attributes["hallucination_type"] = type;
        }

        if (dataset.Options.GetValueOrDefault("variant") == "safety")
        {
            attributes["source_type"] = record.Field("source_type") ?? record.Kind;
        }

        var answer = await AskAsync<ChoiceAnswer>(template, values, a =>
            KnowledgeProbingChecks.Find(a.Question ?? "", a.Options ?? [], a.Answer, a.AlsoTrue ?? []) is { } failure ? [$"{failure.Field}: {failure.Reason}"] : [], cancellationToken);
        var draft = new ItemDraft(answer.Question!, null, answer.Options!, answer.Answer!.Trim()) { Explanation = answer.Explanation, Attributes = attributes };
        return Finish(record, dataset, context, draft, KnowledgeProbingParadigm.Validator);
    }

    private sealed class ChoiceAnswer
    {
        public string? Question { get; set; }
        public List<string>? Options { get; set; }
        public string? Answer { get; set; }
        public string? Explanation { get; set; }
        [JsonPropertyName("also_true")]
        public List<string>? AlsoTrue { get; set; }
    }
}
