using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Offline;
using CurationPipeline.Deidentification;
using CurationPipeline.Departments;
using CurationPipeline.Items;
using CurationPipeline.Paradigms;
using CurationPipeline.Sampling;
using CurationPipeline.Sources.Public;

namespace CurationPipeline.Pipeline;

/// <summary>
/// Chooses the engines of a run. Without endpoints every role runs on the embedded offline engines, which
/// are deterministic algorithms (templates, dictionaries, rules), never models; run.json, the report and
/// every item's provenance say so.
/// </summary>
public static class EngineFactory
{
    /// <summary>The offline engines of every role; the calibration table goes to <paramref name="outputDirectory"/>.</summary>
    public static async Task<PipelineEngines> OfflineAsync(PipelineDefinition definition, string rawDirectory, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var importer = new PublicDatasetImporter();
        var generators = new Dictionary<string, IItemGenerator>(StringComparer.Ordinal);
        var description = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["generator"] = "offline: deterministic templates and rules over the bundled knowledge tables (no model)",
            ["public datasets"] = $"{importer.Engine}: read from their native formats, no generation",
        };

        var (deid, gate) = Deidentification(definition, description);
        var panel = OfflinePanel.Create(rawDirectory);
        var table = await CalibrationTable.CreateAsync(Path.Combine(outputDirectory, "calibration.parquet"), cancellationToken);
        var calibration = new CalibrationStage(panel, OfflinePanel.Scorers(), PolicyOf(definition), table);
        description["calibration"] = "offline panel of five deterministic baselines (no model): " + string.Join(", ", panel.Select(s => s.Name));
        description["scorers"] = "offline: two rubric-overlap scorer instances (no model)";
        var tagged = TaggedDatasets(definition);
        TaggingStage? tagging = null;
        if (tagged.Count > 0)
        {
            var tagger = OfflineDepartmentTagger.Load(rawDirectory);
            tagging = new TaggingStage(tagger, tagged);
            description["tagger"] = $"{tagger.Name}: keyword lexicon and a naive Bayes classifier over bundled labelled text (no model)";
        }

        return new PipelineEngines
        {
            Generators = d => d.Paradigm == "public"
                ? importer
                : generators.TryGetValue(d.Name, out var g) ? g : generators[d.Name] = OfflineGenerators.For(d, rawDirectory),
            Deidentifier = deid,
            Gate = gate,
            Calibration = calibration,
            Tagger = tagging,
            Description = description,
            Resources = [new RunResource(table.CompleteAsync, table)],
        };
    }

    /// <summary>The datasets whose items get departments (<c>departments:</c> in the pipeline; SmartServ and SmartCare by default).</summary>
    public static IReadOnlySet<string> TaggedDatasets(PipelineDefinition definition) =>
        definition.Datasets.Where(d => d.TagsDepartments).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

    public static ReviewPolicy PolicyOf(PipelineDefinition definition) =>
        definition.ReviewPolicy == "required" ? ReviewPolicy.Required : ReviewPolicy.Recorded;

    private static (ISourceDeidentifier?, IItemGate?) Deidentification(PipelineDefinition definition, Dictionary<string, string> description)
    {
        var section = definition.Deidentification;
        if (!section.Enabled && !section.Gate)
        {
            description["deidentification"] = "off";
            return (null, null);
        }

        var secret = Environment.GetEnvironmentVariable(section.SecretEnv);
        var deidentifier = new Deidentifier(new DeidOptions
        {
            Mode = section.Mode == "mask" ? DeidMode.Mask : DeidMode.Surrogate,
            Secret = string.IsNullOrEmpty(secret) ? "curation-pipeline" : secret,
        });
        description["deidentification"] = $"rule-based recognisers, {section.Mode} mode, "
            + (string.IsNullOrEmpty(secret) ? $"demo secret (set {section.SecretEnv} for real data)" : $"secret from {section.SecretEnv}")
            + (section.Gate ? "; PHI gate on every generated item" : "");
        var adapter = new DeidentifierAdapter(deidentifier);
        return (section.Enabled ? adapter : null, section.Gate ? adapter : null);
    }

    private sealed class DeidentifierAdapter(Deidentifier deidentifier) : ISourceDeidentifier, IItemGate
    {
        public string Deidentify(string text, string patientKey, string source) => deidentifier.Deidentify(text, patientKey, source).Text;

        public object AuditSnapshot() => System.Text.Json.JsonDocument.Parse(deidentifier.Audit.ToJson()).RootElement.Clone();

        public BenchmarkItem Check(BenchmarkItem item) => deidentifier.Gate(item).Item;
    }
}
