using System.Text.Json.Serialization;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.SafetyScenarios;

/// <summary>Safety scenarios over a model: the answer schema is the prompt, a reference answer, the risk type and a weighted rubric.</summary>
public sealed class LlmSafetyScenarios(LlmModel model, DatasetDefinition dataset) : LlmGenerator(model, dataset)
{
    protected override async Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var answer = await AskAsync<ScenarioAnswer>(template, values, a =>
        {
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(a.Question))
            {
                errors.Add("question is empty");
            }

            errors.AddRange(RubricErrors(a.Rubric));
            return errors;
        }, cancellationToken);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["risk_type"] = record.Field("risk_type") ?? answer.RiskType ?? "unspecified" };
        var draft = new ItemDraft(answer.Question!, null, [], answer.Reference) { Rubric = Rubric(answer.Rubric!), Attributes = attributes };
        return Finish(record, dataset, context, draft, EngineItems.ItemRules);
    }

    private sealed class ScenarioAnswer
    {
        public string? Question { get; set; }
        public string? Reference { get; set; }
        [JsonPropertyName("risk_type")]
        public string? RiskType { get; set; }
        public List<RubricAnswer>? Rubric { get; set; }
    }
}
