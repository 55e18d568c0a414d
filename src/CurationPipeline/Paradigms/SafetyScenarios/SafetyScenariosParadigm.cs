using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using FluentValidation;

namespace CurationPipeline.Paradigms.SafetyScenarios;

/// <summary>
/// Safety and ethics scenarios (the paper's P2): an expert's scenario becomes an open-ended prompt scored by judges
/// against a weighted rubric of its risk type.
/// </summary>
public sealed class SafetyScenariosParadigm : IParadigm
{
    public Paradigm Code => Paradigm.P2;

    public string Name => "safety scenarios";

    public IValidator<BenchmarkItem>? ItemRules => null;

    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference) => new OfflineSafetyScenarios();

    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference) => new LlmSafetyScenarios(model, dataset);
}
