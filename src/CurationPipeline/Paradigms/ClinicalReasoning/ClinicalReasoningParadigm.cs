using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using FluentValidation;

namespace CurationPipeline.Paradigms.ClinicalReasoning;

/// <summary>
/// Clinical reasoning simulation (the paper's P4): a task of examination, diagnosis or record writing
/// (<c>options.task</c>) whose reference answer is taken from the real record, scored by judges against a rubric.
/// </summary>
public sealed class ClinicalReasoningParadigm : IParadigm
{
    /// <summary>The rules of every item and of this paradigm's, for its engines.</summary>
    internal static BenchmarkItemValidator Validator { get; } = EngineItems.ItemRulesWith(Paradigm.P4, new Rules());

    public Paradigm Code => Paradigm.P4;

    public string Name => "clinical reasoning";

    public IValidator<BenchmarkItem> ItemRules { get; } = new Rules();

    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference) =>
        new OfflineClinicalReasoning(EngineItems.Option(dataset, "task"));

    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference) =>
        new LlmClinicalReasoning(model, dataset, (OfflineClinicalReasoning)CreateOffline(dataset, reference));

    /// <summary>A judged item carries the reference answer of the real record.</summary>
    private sealed class Rules : AbstractValidator<BenchmarkItem>
    {
        public Rules() =>
            RuleFor(i => i.Answer).NotEmpty().When(i => i.Scoring == ScoringMethod.Judge)
                .WithMessage("P4 items carry the reference answer from the real record");
    }
}
