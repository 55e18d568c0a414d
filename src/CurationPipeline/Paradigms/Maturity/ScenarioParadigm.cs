using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using FluentValidation;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>
/// A maturity-model scenario as a paradigm: its code is the scenario's (<c>paradigm: TLV</c>), its offline engine the
/// builder run on the record, its engine over a model the same builder with the material rewritten by the model.
/// </summary>
public sealed class ScenarioParadigm : IParadigm
{
    private readonly ScenarioBuilder _builder;

    public ScenarioParadigm(ScenarioBuilder builder)
    {
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        Code = new Paradigm(builder.Code);
        ItemRules = new ScenarioItems.Rules(builder);
        Validator = EngineItems.ItemRulesWith(Code, ItemRules);
    }

    /// <summary>The ten scenarios of the maturity model, levels L0 to L4.</summary>
    public static IReadOnlyList<ScenarioParadigm> All { get; } =
    [
        new(new CnmleBuilder()), new(new CtcBuilder()), new(new CffBuilder()), new(new RrgBuilder()), new(new TlvBuilder()),
        new(new UdcBuilder()), new(new RbqBuilder()), new(new DecBuilder()), new(new TnmBuilder()), new(new MdtBuilder()),
    ];

    public Paradigm Code { get; }

    public string Name => "maturity scenario " + _builder.Code + " (" + _builder.Name + ")";

    public IValidator<BenchmarkItem> ItemRules { get; }

    public ScenarioBuilder Builder => _builder;

    internal BenchmarkItemValidator Validator { get; }

    public IItemGenerator CreateOffline(DatasetDefinition dataset, ReferenceData reference)
    {
        _builder.CheckOptions(dataset);
        return new OfflineScenarios(this, reference);
    }

    public IItemGenerator CreateLlm(DatasetDefinition dataset, LlmModel model, ReferenceData reference)
    {
        _builder.CheckOptions(dataset);
        return new LlmScenarios(this, model, dataset, reference);
    }
}
