using CurationPipeline.Items;

namespace CurationPipeline.Core;

/// <summary>Builds items with the dataset's dimensions, a stable id and provenance, the same way for every engine.</summary>
public static class ItemFactory
{
    public static BenchmarkItem Create(DatasetDefinition dataset, SourceRecord record, ItemDraft draft, string engine, string engineKind, GenerationContext context)
    {
        var content = ItemId.ContentOf(draft.Question, draft.Context, draft.Options, draft.Answer);
        return new BenchmarkItem
        {
            Id = ItemId.Compute(dataset.Name, record.File, record.RecordId, content),
            Dataset = dataset.Name,
            PrimaryDimension = dataset.Primary,
            SecondaryDimension = dataset.Secondary,
            TertiaryTask = dataset.Task,
            Paradigm = dataset.Paradigm ?? Paradigm.Public,
            SourceKind = dataset.Source ?? SourceKind.Proprietary,
            QuestionType = dataset.Type ?? QuestionType.OpenEnded,
            Scoring = dataset.Scoring ?? ScoringMethod.Judge,
            Question = draft.Question,
            Context = draft.Context,
            Options = draft.Options,
            Answer = draft.Answer,
            Explanation = draft.Explanation,
            Entities = draft.Entities,
            Rubric = draft.Rubric,
            Attributes = draft.Attributes,
            Flags = draft.Flags,
            Provenance = new Provenance(record.File, record.RecordId, engine, engineKind, context.PromptHash, context.PipelineVersion),
        };
    }
}
