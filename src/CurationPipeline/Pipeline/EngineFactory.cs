using CurationPipeline.Paradigms;
using CurationPipeline.Sources.Public;

namespace CurationPipeline.Pipeline;

/// <summary>
/// Chooses the engines of a run. Without endpoints every role runs on the embedded offline engines, which
/// are deterministic algorithms (templates, dictionaries, rules), never models; run.json and the report
/// say so per role.
/// </summary>
public static class EngineFactory
{
    public static PipelineEngines Offline(PipelineDefinition definition, string rawDirectory)
    {
        var importer = new PublicDatasetImporter();
        var description = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["generator"] = "offline: deterministic templates and rules over the bundled knowledge tables (no model)",
            ["public datasets"] = $"{importer.Engine}: read from their native formats, no generation",
        };
        return new PipelineEngines
        {
            Generators = d => d.Paradigm == "public" ? importer : OfflineGeneratorsFor(d, rawDirectory),
            Description = description,
        };
    }

    private static IItemGenerator OfflineGeneratorsFor(DatasetDefinition dataset, string rawDirectory) =>
        new UnavailableGenerator(dataset);

    /// <summary>Rejects every record, naming the missing engine, so nothing is lost while a paradigm has no engine.</summary>
    private sealed class UnavailableGenerator(DatasetDefinition dataset) : IItemGenerator
    {
        public Items.Paradigm Paradigm => Items.ItemFactory.ParadigmOf(dataset);

        public string Engine => "none";

        public Task<IReadOnlyList<Items.BenchmarkItem>> GenerateAsync(Sources.SourceRecord record, DatasetDefinition d, GenerationContext context, CancellationToken cancellationToken = default) =>
            throw new RecordRejectedException($"no engine for paradigm {d.Paradigm}");
    }
}
