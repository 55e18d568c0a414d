using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Paradigms;

/// <summary>
/// What the LLM engines of the paradigms share: the dataset's prompt template filled with the (de-identified) record,
/// the answer asked for as JSON through the model layer (cache, retries, re-asks with the errors of the paradigm's
/// checks), and the item built with the same factory and validators as the offline engines. A paradigm's engine says
/// which answer schema it asks for and how the answer becomes an item.
/// </summary>
public abstract class LlmGenerator(LlmModel model, DatasetDefinition dataset) : IItemGenerator
{
    public Paradigm Paradigm => dataset.Paradigm ?? Paradigm.Public;

    public string Engine => model.Engine;

    public async Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition d, GenerationContext context, CancellationToken cancellationToken = default)
    {
        var template = context.PromptTemplate ?? throw new RecordRejectedException($"dataset {d.Name} names no prompt template for the LLM engine");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dataset"] = d.Name,
            ["task"] = d.Options.GetValueOrDefault("task") ?? d.Task,
            ["source_kind"] = record.Kind,
            ["record_id"] = record.RecordId,
            ["source_text"] = record.Text,
        };
        foreach (var field in new[] { "risk_type", "department", "findings", "report_type", "source_type" })
        {
            values[field] = record.Field(field) ?? "";
        }

        return [await GenerateAsync(record, d, context, template, values, cancellationToken)];
    }

    /// <summary>Asks the model for one item of the record; <paramref name="values"/> fill the template and may be added to.</summary>
    protected abstract Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken cancellationToken);

    /// <summary>The filled template's answer as <typeparamref name="T"/>; <paramref name="validate"/> lists what to fix, asked again until none.</summary>
    protected async Task<T> AskAsync<T>(string template, IReadOnlyDictionary<string, string> values, Func<T, IReadOnlyList<string>> validate, CancellationToken ct)
    {
        var prompt = PromptTemplate.Fill(template, values);
        var result = await model.Client.GetJsonAsync<T>([new ChatMessage(ChatRole.User, prompt)], validate, cancellationToken: ct);
        return result.Value;
    }

    /// <summary>The item of a draft, built and checked as the offline engines' items are.</summary>
    protected BenchmarkItem Finish(SourceRecord record, DatasetDefinition d, GenerationContext context, ItemDraft draft, BenchmarkItemValidator validator) =>
        EngineItems.Create(record, d, context, Engine, draft, validator, engineKind: "llm");

    /// <summary>What is wrong with a model's rubric, if anything.</summary>
    protected static IEnumerable<string> RubricErrors(List<RubricAnswer>? rubric)
    {
        if (rubric is not { Count: > 0 })
        {
            yield return "rubric is empty";
            yield break;
        }

        if (rubric.Any(c => string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Description) || c.Weight <= 0))
        {
            yield return "every rubric criterion needs a name, a description and a positive weight";
        }
    }

    /// <summary>A model's rubric with its weights normalised to sum to 1 (models round them).</summary>
    protected static List<RubricCriterion> Rubric(List<RubricAnswer> rubric)
    {
        var total = rubric.Sum(c => c.Weight);
        var criteria = rubric.Select(c => new RubricCriterion(c.Name!, Math.Round(c.Weight / total, 6), c.Description!)).ToList();
        var drift = 1.0 - criteria.Sum(c => c.Weight);
        criteria[^1] = criteria[^1] with { Weight = criteria[^1].Weight + drift };
        return criteria;
    }

    /// <summary>A rubric criterion as a model writes it.</summary>
    protected sealed class RubricAnswer
    {
        public string? Name { get; set; }
        public double Weight { get; set; }
        public string? Description { get; set; }
    }
}
