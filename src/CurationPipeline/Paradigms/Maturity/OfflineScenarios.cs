using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Reference;

namespace CurationPipeline.Paradigms.Maturity;

/// <summary>A scenario's embedded engine: the builder's rules on the record, with randomness seeded by run seed, dataset and record.</summary>
public sealed class OfflineScenarios(ScenarioParadigm paradigm, ReferenceData reference) : IItemGenerator
{
    public Paradigm Paradigm => paradigm.Code;

    public string Engine => $"offline:maturity-{paradigm.Builder.Code.ToLowerInvariant()}/1";

    public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var random = RecordRandom.For(context.Seed, dataset.Name, record.RecordId);
        var draft = paradigm.Builder.Build(record, random, reference);
        var item = EngineItems.Create(record, dataset, context, Engine, ScenarioItems.ToItemDraft(paradigm.Builder, dataset, draft), paradigm.Validator);
        return Task.FromResult<IReadOnlyList<BenchmarkItem>>([item]);
    }
}
