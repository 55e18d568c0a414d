using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.EhrExtraction;

/// <summary>
/// EHR extraction over a model: the answer schema is a list of entities with their spans; every entity must be of the
/// asked type and occur in the note (spans the model got wrong are repaired, <see cref="SpanRepair"/>).
/// </summary>
public sealed class LlmEhrExtraction(LlmModel model, DatasetDefinition dataset) : LlmGenerator(model, dataset)
{
    protected override async Task<BenchmarkItem> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, string template,
        Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var type = dataset.Options.GetValueOrDefault("entity_type") ?? throw new RecordRejectedException($"dataset {dataset.Name}: options.entity_type is required");
        values["entity_type"] = type;
        values["entity_type_zh"] = ExtractionEntityTypes.ChineseName(type);
        List<GoldEntity> repaired = [];
        await AskAsync<EntitiesAnswer>(template, values, a =>
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
        }, cancellationToken);
        var entities = repaired.DistinctBy(e => (e.Start, e.End)).OrderBy(e => e.Start).ToList();
        var question = $"请从以下临床记录中抽取所有{values["entity_type_zh"]}实体，给出原文及其在文本中的位置。";
        var draft = new ItemDraft(question, record.Text, [], ExtractionAnswer.Render(entities))
        {
            Entities = entities,
            Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["entity_type"] = type },
            Flags = [OfflineEhrExtraction.PrelabelFlag],
        };
        return Finish(record, dataset, context, draft, EngineItems.ItemRules);
    }

    private sealed class EntitiesAnswer
    {
        public List<EntityAnswer>? Entities { get; set; }
    }

    private sealed class EntityAnswer
    {
        public string? Type { get; set; }
        public string? Text { get; set; }
        public int? Start { get; set; }
        public int? End { get; set; }
    }
}
