using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// P1 without a model: question templates over the knowledge tables and the record. The correct option comes
/// from the record, the four distractors from entities of the same type that the tables do not make true,
/// shuffled with the per-record randomness; every item passes <see cref="KnowledgeProbingChecks"/>.
/// </summary>
public sealed class OfflineKnowledgeProbing : IItemGenerator
{
    public const string EngineName = "offline:p1-templates/1";

    private delegate ChoiceDraft Template(SourceRecord record, KnowledgeBase kb, Random rng);

    private readonly KnowledgeBase _knowledge;

    public OfflineKnowledgeProbing(string variant, KnowledgeBase knowledge)
    {
        if (!Variants.Contains(variant))
        {
            throw new ArgumentException($"P1 variant '{variant}' is unknown; use one of {string.Join(", ", Variants)}");
        }

        Variant = variant;
        _knowledge = knowledge;
    }

    /// <summary>The values of <c>options.variant</c> for P1 datasets.</summary>
    public static IReadOnlyList<string> Variants { get; } = ["exam", "hallucination", "safety", "education", "guidance", "report", "medication"];

    public string Variant { get; }

    public Paradigm Paradigm => Paradigm.P1;

    public string Engine => EngineName;

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var shape = KnowledgeRecords.ShapeOf(record);
        var templates = TemplatesFor(shape);
        if (templates.Count == 0)
        {
            throw new RecordRejectedException($"P1 variant '{Variant}' has no template for a {shape.ToString().ToLowerInvariant()} record");
        }

        var rng = RecordRandom.For(context.Seed, dataset.Name, record.RecordId);
        var items = new List<BenchmarkItem>();
        RecordRejectedException? first = null;
        foreach (var template in rng.Shuffled(templates))
        {
            try
            {
                items.Add(Assemble(template(record, _knowledge, rng), record, dataset, context, rng));
            }
            catch (RecordRejectedException e)
            {
                first ??= e;
            }

            if (items.Count >= Math.Max(1, dataset.ItemsPerRecord))
            {
                break;
            }
        }

        return items.Count > 0 ? Task.FromResult<IReadOnlyList<BenchmarkItem>>(items) : throw first!;
    }

    private BenchmarkItem Assemble(ChoiceDraft draft, SourceRecord record, DatasetDefinition dataset, GenerationContext context, Random rng)
    {
        var options = rng.Shuffled(draft.Distractors.Prepend(draft.Correct));
        var answer = AnswerLetters.Letter(options.IndexOf(draft.Correct)).ToString();
        KnowledgeProbingChecks.Enforce(draft.Stem, options, answer, draft.AlsoTrue);

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["template"] = draft.Template };
        foreach (var (key, value) in draft.Attributes ?? new Dictionary<string, string>())
        {
            attributes[key] = value;
        }

        if (Variant == "safety")
        {
            attributes.TryAdd("source_type", "drug_label");
        }

        return EngineItems.Create(record, dataset, context, EngineName,
            new ItemDraft(draft.Stem, draft.Context, options, answer) { Explanation = draft.Explanation, Attributes = attributes }, KnowledgeProbingParadigm.Validator);
    }

    private List<Template> TemplatesFor(RecordShape shape) => (Variant, shape) switch
    {
        ("exam", RecordShape.Disease) => [Disease(DiseaseTemplates.Symptom), Disease(DiseaseTemplates.FirstLineDrug), Disease(DiseaseTemplates.Examination), Disease(DiseaseTemplates.Complication)],
        ("exam", RecordShape.LabTest) => [Lab((t, kb, r) => LabTemplates.Meaning(t, kb, r, high: true, withValue: false)), Lab((t, kb, r) => LabTemplates.Meaning(t, kb, r, high: false, withValue: false)), Lab(LabTemplates.Range)],
        ("hallucination", RecordShape.Disease) => [Disease(HallucinationTemplates.DiseaseFalsePremise), Disease(HallucinationTemplates.DiseaseMisattribution)],
        ("hallucination", RecordShape.Drug) => [Drug(HallucinationTemplates.DrugFabricated), Drug(HallucinationTemplates.DrugFalsePremise), Drug(HallucinationTemplates.DrugMisattribution)],
        ("safety", RecordShape.Drug) => [Drug(DrugTemplates.Contraindication), Drug(DrugTemplates.MaxDose), Drug(DrugTemplates.Interaction), Drug(DrugTemplates.AdverseReaction)],
        ("safety", RecordShape.Guideline) => [(r, kb, rng) => GuidelineCloze.Build(KnowledgeRecords.Guideline(r), kb, rng, safety: true)],
        ("education", RecordShape.Guideline) => [(r, kb, rng) => GuidelineCloze.Build(KnowledgeRecords.Guideline(r), kb, rng, safety: false)],
        ("guidance", RecordShape.Disease) => [Disease(DiseaseTemplates.Department)],
        ("report", RecordShape.Report) => [LabTemplates.ReportFinding],
        ("report", RecordShape.LabTest) => [Lab((t, kb, r) => LabTemplates.Meaning(t, kb, r, high: true, withValue: true)), Lab((t, kb, r) => LabTemplates.Meaning(t, kb, r, high: false, withValue: true))],
        ("medication", RecordShape.Drug) => [Drug(DrugTemplates.AdultDose), Drug(DrugTemplates.Indication), Drug(DrugTemplates.AdverseReaction), Drug(DrugTemplates.Interaction)],
        _ => [],
    };

    private static Template Disease(Func<DiseaseEntry, KnowledgeBase, Random, ChoiceDraft> t) => (r, kb, rng) => t(KnowledgeRecords.Disease(r), kb, rng);

    private static Template Drug(Func<DrugEntry, KnowledgeBase, Random, ChoiceDraft> t) => (r, kb, rng) => t(KnowledgeRecords.Drug(r), kb, rng);

    private static Template Lab(Func<LabTestEntry, KnowledgeBase, Random, ChoiceDraft> t) => (r, kb, rng) => t(KnowledgeRecords.LabTest(r), kb, rng);
}
