using System.Text.Json.Serialization;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Reference;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Paradigms.Llm;

/// <summary>
/// The LLM engine of every paradigm: fills the dataset's prompt template with the (de-identified) record,
/// asks the model for JSON through the model layer (cache, retries, re-asks with the validation error),
/// and builds the item with the same factory, checks and validators as the offline engines. P4 takes its
/// reference answer and input from the real record by the offline section rules; the model only frames
/// the task and writes the rubric.
/// </summary>
public sealed class LlmItemGenerator(IChatClient client, string engine, DatasetDefinition dataset, ReferenceData reference) : IItemGenerator
{
    private static readonly string[] HallucinationTypes = ["false_premise", "fabricated_entity", "misattribution"];

    private static readonly Dictionary<string, string> EntityTypesZh = new(StringComparer.Ordinal)
    {
        ["symptom"] = "症状",
        ["disease"] = "疾病",
        ["medication"] = "药物",
        ["operation"] = "手术操作",
    };

    private readonly IItemGenerator? _p4Rules = dataset.Paradigm == Paradigm.P4 ? OfflineGenerators.For(dataset, reference) : null;

    public Paradigm Paradigm => dataset.Paradigm ?? Paradigm.Public;

    public string Engine { get; } = engine;

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

        var item = d.Paradigm?.Code switch
        {
            "P1" => await P1Async(record, d, context, template, values, cancellationToken),
            "P2" => await P2Async(record, d, context, template, values, cancellationToken),
            "P3" => await P3Async(record, d, context, template, values, cancellationToken),
            "P4" => await P4Async(record, d, context, template, values, cancellationToken),
            _ => throw new RecordRejectedException($"the LLM engine has no paradigm {d.Paradigm}"),
        };
        return [item];
    }

    private async Task<BenchmarkItem> P1Async(SourceRecord record, DatasetDefinition d, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken ct)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (d.Options.GetValueOrDefault("variant") == "hallucination")
        {
            var type = RecordRandom.For(context.Seed, d.Name, record.RecordId, "hallucination").Pick(HallucinationTypes);
            values["hallucination_type"] = type;
            attributes["hallucination_type"] = type;
        }

        if (d.Options.GetValueOrDefault("variant") == "safety")
        {
            attributes["source_type"] = record.Field("source_type") ?? record.Kind;
        }

        var answer = await AskAsync<P1Answer>(template, values, a =>
            P1ItemChecks.Find(a.Question ?? "", a.Options ?? [], a.Answer, a.AlsoTrue ?? []) is { } failure ? [$"{failure.Field}: {failure.Reason}"] : [], ct);
        var draft = new ItemDraft(answer.Question!, null, answer.Options!, answer.Answer!.Trim()) { Explanation = answer.Explanation, Attributes = attributes };
        return Finish(record, d, context, draft);
    }

    private async Task<BenchmarkItem> P2Async(SourceRecord record, DatasetDefinition d, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken ct)
    {
        var answer = await AskAsync<P2Answer>(template, values, a =>
        {
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(a.Question))
            {
                errors.Add("question is empty");
            }

            errors.AddRange(RubricErrors(a.Rubric));
            return errors;
        }, ct);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["risk_type"] = record.Field("risk_type") ?? answer.RiskType ?? "unspecified" };
        var draft = new ItemDraft(answer.Question!, null, [], answer.Reference) { Rubric = Rubric(answer.Rubric!), Attributes = attributes };
        return Finish(record, d, context, draft);
    }

    private async Task<BenchmarkItem> P3Async(SourceRecord record, DatasetDefinition d, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken ct)
    {
        var type = d.Options.GetValueOrDefault("entity_type") ?? throw new RecordRejectedException($"dataset {d.Name}: options.entity_type is required");
        values["entity_type"] = type;
        values["entity_type_zh"] = EntityTypesZh.GetValueOrDefault(type, type);
        List<GoldEntity> repaired = [];
        await AskAsync<P3Answer>(template, values, a =>
        {
            repaired = [];
            var errors = new List<string>();
            foreach (var e in a.Entities ?? [])
            {
                if (e.Type != type)
                {
                    errors.Add($"entity '{e.Text}' has type '{e.Type}', only '{type}' is asked for");
                }
                else if (SpanRepair.Repair(record.Text, new GoldEntity(type, e.Text ?? "", e.Start, e.End)) is { } fixedEntity)
                {
                    repaired.Add(fixedEntity);
                }
                else
                {
                    errors.Add($"entity '{e.Text}' does not occur in the text");
                }
            }

            if (errors.Count == 0 && repaired.Count == 0)
            {
                errors.Add($"no {type} entity was found");
            }

            return errors;
        }, ct);
        var entities = repaired.DistinctBy(e => (e.Start, e.End)).OrderBy(e => e.Start).ToList();
        var question = $"请从以下临床记录中抽取所有{values["entity_type_zh"]}实体，给出原文及其在文本中的位置。";
        var draft = new ItemDraft(question, record.Text, [], string.Join("；", entities.Select(e => e.Text)))
        {
            Entities = entities,
            Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["entity_type"] = type },
            Flags = [OfflineP3Generator.PrelabelFlag],
        };
        return Finish(record, d, context, draft);
    }

    private async Task<BenchmarkItem> P4Async(SourceRecord record, DatasetDefinition d, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken ct)
    {
        // Input and reference come from the record by the section rules (never from the model).
        var ruled = (await _p4Rules!.GenerateAsync(record, d, context, ct))[0];
        values["context"] = ruled.Context ?? "";
        values["reference"] = ruled.Answer ?? "";
        var answer = await AskAsync<P4Answer>(template, values, a =>
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
        }, ct);
        var draft = new ItemDraft(answer.Question!, ruled.Context, [], ruled.Answer) { Rubric = Rubric(answer.Rubric!), Attributes = ruled.Attributes };
        return Finish(record, d, context, draft);
    }

    private async Task<T> AskAsync<T>(string template, IReadOnlyDictionary<string, string> values, Func<T, IReadOnlyList<string>> validate, CancellationToken ct)
    {
        var prompt = PromptTemplate.Fill(template, values);
        var result = await client.GetJsonAsync<T>([new ChatMessage(ChatRole.User, prompt)], validate, cancellationToken: ct);
        return result.Value;
    }

    private BenchmarkItem Finish(SourceRecord record, DatasetDefinition d, GenerationContext context, ItemDraft draft) =>
        EngineItems.Create(record, d, context, Engine, draft, engineKind: "llm");

    private static IEnumerable<string> RubricErrors(List<RubricAnswer>? rubric)
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

    /// <summary>Weights are normalised to sum to 1 (models round them).</summary>
    private static List<RubricCriterion> Rubric(List<RubricAnswer> rubric)
    {
        var total = rubric.Sum(c => c.Weight);
        var criteria = rubric.Select(c => new RubricCriterion(c.Name!, Math.Round(c.Weight / total, 6), c.Description!)).ToList();
        var drift = 1.0 - criteria.Sum(c => c.Weight);
        criteria[^1] = criteria[^1] with { Weight = criteria[^1].Weight + drift };
        return criteria;
    }

    private sealed class P1Answer
    {
        public string? Question { get; set; }
        public List<string>? Options { get; set; }
        public string? Answer { get; set; }
        public string? Explanation { get; set; }
        [JsonPropertyName("also_true")]
        public List<string>? AlsoTrue { get; set; }
    }

    private sealed class P2Answer
    {
        public string? Question { get; set; }
        public string? Reference { get; set; }
        [JsonPropertyName("risk_type")]
        public string? RiskType { get; set; }
        public List<RubricAnswer>? Rubric { get; set; }
    }

    private sealed class P3Answer
    {
        public List<EntityAnswer>? Entities { get; set; }
    }

    private sealed class P4Answer
    {
        public string? Question { get; set; }
        public List<RubricAnswer>? Rubric { get; set; }
    }

    private sealed class EntityAnswer
    {
        public string? Type { get; set; }
        public string? Text { get; set; }
        public int? Start { get; set; }
        public int? End { get; set; }
    }

    private sealed class RubricAnswer
    {
        public string? Name { get; set; }
        public double Weight { get; set; }
        public string? Description { get; set; }
    }
}
