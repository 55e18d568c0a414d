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
            Paradigm = ParadigmOf(dataset),
            SourceKind = dataset.Source == "public" ? SourceKind.Public : SourceKind.Proprietary,
            QuestionType = dataset.Type == "multiple-choice" ? QuestionType.MultipleChoice : QuestionType.OpenEnded,
            Scoring = ScoringOf(dataset),
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

    public static Paradigm ParadigmOf(DatasetDefinition dataset) => dataset.Paradigm switch
    {
        "P1" => Paradigm.P1,
        "P2" => Paradigm.P2,
        "P3" => Paradigm.P3,
        "P4" => Paradigm.P4,
        _ => Paradigm.Public,
    };

    public static ScoringMethod ScoringOf(DatasetDefinition dataset) => dataset.Scoring switch
    {
        "accuracy" => ScoringMethod.Accuracy,
        "micro-f1" => ScoringMethod.MicroF1,
        _ => ScoringMethod.Judge,
    };
}
