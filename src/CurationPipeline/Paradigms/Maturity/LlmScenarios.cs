using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// A scenario's engine over a model: the builder makes the draft and its gold by rule, then the model rewrites the
/// material (the context, or the question where there is none) in the hospital's own style. Every phrase the gold rests
/// on (<see cref="ScenarioDraft.Keep"/>) must stay verbatim, so the gold still holds; the model is asked again until it does.
/// </summary>
public sealed class LlmScenarios(ScenarioParadigm paradigm, LlmModel model, DatasetDefinition dataset, ReferenceData reference) : LlmGenerator(model, dataset)
{
    protected override async Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition d, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var draft = paradigm.Builder.Build(record, RecordRandom.For(context.Seed, d.Name, record.RecordId), reference);
        var material = draft.Context ?? draft.Question;
        values["scenario"] = paradigm.Builder.Code;
        values["material"] = material;
        values["keep"] = string.Join("\n", draft.Keep.Select(k => "- " + k));
        var answer = await AskAsync<RewriteAnswer>(template, values, a =>
        {
            if (string.IsNullOrWhiteSpace(a.Text))
            {
                return ["text is empty"];
            }

            var missing = draft.Keep.Where(k => !a.Text.Contains(k, StringComparison.Ordinal)).ToList();
            return missing.Count == 0 ? [] : [$"text must keep these phrases verbatim: {string.Join(" | ", missing)}"];
        }, cancellationToken);
        var rewritten = draft.Context is null ? draft with { Question = answer.Text!.Trim() } : draft with { Context = answer.Text!.Trim() };
        return Finish(record, d, context, ScenarioItems.ToItemDraft(paradigm.Builder, d, rewritten), paradigm.Validator);
    }

    private sealed class RewriteAnswer
    {
        public string? Text { get; set; }
    }
}
