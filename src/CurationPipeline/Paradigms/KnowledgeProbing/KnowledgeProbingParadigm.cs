using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using FluentValidation;

namespace CurationPipeline.Paradigms.KnowledgeProbing;

/// <summary>
/// Structured knowledge probing (the paper's P1): a multiple-choice item of five options, exactly one right, from a
/// knowledge-table row, a guideline passage or a report. <c>options.variant</c> picks the question family.
/// </summary>
public sealed class KnowledgeProbingParadigm : IParadigm
{
    /// <summary>The rules of every item and of this paradigm's, for its engines.</summary>
    internal static BenchmarkItemValidator Validator { get; } = EngineItems.ItemRulesWith(Paradigm.P1, new Rules());

    public Paradigm Code => Paradigm.P1;

    public string Name => "knowledge probing";

    public IValidator<BenchmarkItem> ItemRules { get; } = new Rules();

    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference) =>
        new OfflineKnowledgeProbing(EngineItems.Option(dataset, "variant"), reference.Knowledge);

    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference) => new LlmKnowledgeProbing(model, dataset);

    /// <summary>Five options and one answer letter (see <see cref="KnowledgeProbingChecks"/> for what generation checks besides).</summary>
    private sealed class Rules : AbstractValidator<BenchmarkItem>
    {
        public Rules()
        {
            When(i => i.QuestionType == QuestionType.MultipleChoice, () =>
            {
                RuleFor(i => i.Options).Must(o => o.Count == PaperConstants.P1OptionCount)
                    .WithMessage(i => $"has {i.Options.Count} options; P1 items have five (A to E)");
                RuleFor(i => i.Answer).Must(a => a!.Trim().Length == 1).When(i => !string.IsNullOrEmpty(i.Answer))
                    .WithMessage("P1 items have exactly one correct option");
            });
        }
    }
}
