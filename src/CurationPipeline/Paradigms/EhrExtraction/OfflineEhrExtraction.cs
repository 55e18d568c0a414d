using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.EhrExtraction;

/// <summary>
/// The automatic first pass of P3: longest-match dictionary labelling of the note with the bundled lexicons,
/// keeping the dataset's entity type. Items are pre-labels (flag <c>prelabel</c>) until two human review
/// stages make them gold.
/// </summary>
public sealed class OfflineEhrExtraction : IItemGenerator
{
    public const string EngineName = "offline:p3-lexicon/1";
    public const string PrelabelFlag = "prelabel";

    private readonly LexiconMatcher _matcher;

    public OfflineEhrExtraction(string entityType, LexiconMatcher matcher)
    {
        if (!ExtractionEntityTypes.IsKnown(entityType))
        {
            throw new ArgumentException($"P3 entity_type '{entityType}' is unknown; use one of {string.Join(", ", ExtractionEntityTypes.All)}");
        }

        EntityType = entityType;
        _matcher = matcher;
    }

    public string EntityType { get; }

    public Paradigm Paradigm => Paradigm.P3;

    public string Engine => EngineName;

    /// <summary>The extraction instruction for an entity type.</summary>
    public static string QuestionFor(string entityType) =>
        $"请从下面的病历文本中抽取全部{ExtractionEntityTypes.ChineseName(entityType)}实体，按出现顺序给出原文片段及其字符位置（起始位置从0计，结束位置不含）。";

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = RecordFields.RequiredText(record);
        var entities = _matcher.Match(text).Where(m => m.Type == EntityType)
            .Select(m => new GoldEntity(EntityType, m.Text, m.Start, m.End))
            .Where(e => string.CompareOrdinal(text, e.Start!.Value, e.Text, 0, e.Text.Length) == 0)
            .ToList();
        if (entities.Count == 0)
        {
            throw new RecordRejectedException($"the note has no {EntityType} entity from the lexicon", "text");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["entity_type"] = EntityType };
        var item = EngineItems.Create(record, dataset, context, EngineName,
            new ItemDraft(QuestionFor(EntityType), text, [], ExtractionAnswer.Render(entities)) { Entities = entities, Attributes = attributes, Flags = [PrelabelFlag] }, EngineItems.ItemRules);
        return Task.FromResult<IReadOnlyList<BenchmarkItem>>([item]);
    }
}
