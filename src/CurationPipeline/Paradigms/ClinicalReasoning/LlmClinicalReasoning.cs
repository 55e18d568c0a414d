using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.ClinicalReasoning;

/// <summary>
/// Clinical reasoning over a model: the input and the reference answer come from the record by the section rules of
/// <see cref="OfflineClinicalReasoning"/> (never from the model); the model frames the task and writes the rubric, and
/// the task must not give the reference away.
/// </summary>
public sealed class LlmClinicalReasoning(LlmModel model, DatasetDefinition dataset, OfflineClinicalReasoning rules) : LlmGenerator(model, dataset)
{
    protected override async Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var ruled = (await rules.GenerateAsync(record, dataset, context, cancellationToken))[0];
        values["context"] = ruled.Context ?? "";
        values["reference"] = ruled.Answer ?? "";
        var answer = await AskAsync<TaskAnswer>(template, values, a =>
        {
            var errors = new List<string>(RubricErrors(a.Rubric));
            if (string.IsNullOrWhiteSpace(a.Question))
            {
                errors.Add("question is empty");
            }
            else if (!string.IsNullOrEmpty(ruled.Answer) && a.Question.Contains(ruled.Answer, StringComparison.Ordinal))
            {
                errors.Add("the task must not contain the reference answer");
            }

            return errors;
        }, cancellationToken);
        var draft = new ItemDraft(answer.Question!, ruled.Context, [], ruled.Answer) { Rubric = Rubric(answer.Rubric!), Attributes = ruled.Attributes };
        return Finish(record, dataset, context, draft, ClinicalReasoningParadigm.Validator);
    }

    private sealed class TaskAnswer
    {
        public string? Question { get; set; }
        public List<RubricAnswer>? Rubric { get; set; }
    }
}
