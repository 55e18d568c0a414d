using CurationPipeline.Items;
using CurationPipeline.Pipeline;
using CurationPipeline.Sources;

namespace CurationPipeline.Paradigms;

/// <summary>
/// Builds the <see cref="BenchmarkItem"/> shell every engine fills: dimensions, paradigm, type and scoring from
/// the dataset definition, provenance from the record and context, and the stable id from the content.
/// </summary>
public static class ItemFactory
{
    public const string EngineKindOffline = "offline";

    /// <summary>Makes an item and checks it with <see cref="BenchmarkItemValidator"/>; a failure rejects the record.</summary>
    public static BenchmarkItem Create(
        SourceRecord record,
        DatasetDefinition dataset,
        GenerationContext context,
        string engine,
        string question,
        string? itemContext = null,
        IReadOnlyList<string>? options = null,
        string? answer = null,
        string? explanation = null,
        IReadOnlyList<GoldEntity>? entities = null,
        IReadOnlyList<RubricCriterion>? rubric = null,
        IReadOnlyDictionary<string, string>? attributes = null,
        IReadOnlyList<string>? flags = null,
        string engineKind = EngineKindOffline)
    {
        options ??= [];
        var item = new BenchmarkItem
        {
            Id = ItemId.Compute(dataset.Name, record.File, record.RecordId, ItemId.ContentOf(question, itemContext, options, answer)),
            Dataset = dataset.Name,
            PrimaryDimension = dataset.Primary,
            SecondaryDimension = dataset.Secondary,
            TertiaryTask = dataset.Task,
            Paradigm = ParadigmOf(dataset),
            SourceKind = dataset.Source.Equals("public", StringComparison.OrdinalIgnoreCase) ? SourceKind.Public : SourceKind.Proprietary,
            QuestionType = QuestionTypeOf(dataset),
            Scoring = ScoringOf(dataset),
            Question = question,
            Context = itemContext,
            Options = options,
            Answer = answer,
            Explanation = explanation,
            Entities = entities ?? [],
            Rubric = rubric ?? [],
            Attributes = attributes ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Flags = flags ?? [],
            Provenance = new Provenance(record.File, record.RecordId, engine, engineKind, context.PromptHash, context.PipelineVersion),
        };

        var result = new BenchmarkItemValidator().Validate(item);
        if (!result.IsValid)
        {
            var error = result.Errors[0];
            throw new RecordRejectedException($"generated item is invalid: {error.ErrorMessage}", ToSnake(error.PropertyName));
        }

        return item;
    }

    public static Paradigm ParadigmOf(DatasetDefinition dataset) => dataset.Paradigm.ToUpperInvariant() switch
    {
        "P1" => Paradigm.P1,
        "P2" => Paradigm.P2,
        "P3" => Paradigm.P3,
        "P4" => Paradigm.P4,
        "PUBLIC" => Paradigm.Public,
        _ => throw new ArgumentException($"dataset {dataset.Name}: paradigm '{dataset.Paradigm}' is not P1, P2, P3, P4 or public"),
    };

    public static QuestionType QuestionTypeOf(DatasetDefinition dataset) => dataset.Type.ToLowerInvariant() switch
    {
        "multiple-choice" => QuestionType.MultipleChoice,
        "open-ended" => QuestionType.OpenEnded,
        _ => throw new ArgumentException($"dataset {dataset.Name}: type '{dataset.Type}' is not multiple-choice or open-ended"),
    };

    public static ScoringMethod ScoringOf(DatasetDefinition dataset) => dataset.Scoring.ToLowerInvariant() switch
    {
        "accuracy" => ScoringMethod.Accuracy,
        "micro-f1" => ScoringMethod.MicroF1,
        "judge" => ScoringMethod.Judge,
        _ => throw new ArgumentException($"dataset {dataset.Name}: scoring '{dataset.Scoring}' is not accuracy, micro-f1 or judge"),
    };

    /// <summary>A dataset option, or an error naming the dataset and key when it is required and absent.</summary>
    public static string Option(DatasetDefinition dataset, string key) =>
        dataset.Options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new ArgumentException($"dataset {dataset.Name}: options.{key} is required by the {dataset.Paradigm} engine");

    private static string ToSnake(string property) =>
        string.Concat(property.Select((c, i) => char.IsUpper(c) && i > 0 && property[i - 1] != '.' ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
