using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Paradigms.SafetyScenarios;

/// <summary>
/// P2 without a model: the expert scenario seed becomes the open-ended prompt, and the rubric and reference
/// come from the template of the record's risk type (<see cref="RubricCatalog"/>).
/// </summary>
public sealed class OfflineSafetyScenarios : IItemGenerator
{
    public const string EngineName = "offline:p2-rubrics/1";

    public Paradigm Paradigm => Paradigm.P2;

    public string Engine => EngineName;

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scenario = RecordFields.RequiredText(record).Trim();
        var riskType = RecordFields.Required(record, "risk_type");
        if (!RubricCatalog.TryGet(riskType, out var rubric, out var reference))
        {
            throw new RecordRejectedException($"risk_type '{riskType}' has no rubric template", "risk_type");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["risk_type"] = riskType };
        var item = EngineItems.Create(record, dataset, context, EngineName,
            new ItemDraft(scenario, null, [], reference) { Rubric = rubric, Attributes = attributes }, EngineItems.ItemRules);
        return Task.FromResult<IReadOnlyList<BenchmarkItem>>([item]);
    }
}
