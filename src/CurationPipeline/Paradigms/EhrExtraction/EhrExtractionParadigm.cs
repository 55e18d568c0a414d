using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using FluentValidation;

namespace CurationPipeline.Paradigms.EhrExtraction;

/// <summary>
/// Semi-automated EHR extraction (the paper's P3): entities of one type (<c>options.entity_type</c>) pre-labelled
/// in a clinical note, made gold by two stages of human review.
/// </summary>
public sealed class EhrExtractionParadigm : IParadigm
{
    public Paradigm Code => Paradigm.P3;

    public string Name => "EHR extraction";

    public IValidator<BenchmarkItem>? ItemRules => null;

    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference) =>
        new OfflineEhrExtraction(EngineItems.Option(dataset, "entity_type"), LexiconMatcher.For(reference));

    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference) => new LlmEhrExtraction(model, dataset);
}
