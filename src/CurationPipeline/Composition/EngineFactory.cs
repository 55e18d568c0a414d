using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Llm;
using CurationPipeline.Calibration.Offline;
using CurationPipeline.Core;
using CurationPipeline.Deidentification;
using CurationPipeline.Departments;
using CurationPipeline.Hosting;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Paradigms;
using CurationPipeline.Paradigms.Llm;
using CurationPipeline.Reference;
using CurationPipeline.Review;
using CurationPipeline.Sources.Public;

namespace CurationPipeline.Composition;

/// <summary>
/// Chooses the engines of a run. Without endpoints every role runs on the embedded offline engines, which
/// are deterministic algorithms (templates, dictionaries, rules), never models; run.json, the report and
/// every item's provenance say so.
/// </summary>
public static class EngineFactory
{
    /// <summary>The offline engines of every role; the calibration table goes to <paramref name="outputDirectory"/>.</summary>
    public static async Task<PipelineEngines> OfflineAsync(PipelineDefinition definition, ReferenceData reference, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var importer = new PublicDatasetImporter();
        var generators = new Dictionary<string, IItemGenerator>(StringComparer.Ordinal);
        var description = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["generator"] = "offline: deterministic templates and rules over the bundled knowledge tables (no model)",
            ["public datasets"] = $"{importer.Engine}: read from their native formats, no generation",
        };

        var (deid, gate) = Deidentification(definition, description);
        var panel = OfflinePanel.Create(reference);
        var table = await CalibrationTable.CreateAsync(Path.Combine(outputDirectory, "calibration.parquet"), cancellationToken);
        var (review, store) = Review(definition, outputDirectory, description);
        var calibration = new CalibrationStage(panel, OfflinePanel.Scorers(), definition.ReviewPolicy, review.CalibrationSink(table));
        description["calibration"] = "offline panel of five deterministic baselines (no model): " + string.Join(", ", panel.Select(s => s.Name));
        description["scorers"] = "offline: two rubric-overlap scorer instances (no model)";
        var tagged = TaggedDatasets(definition);
        TaggingStage? tagging = null;
        if (tagged.Count > 0)
        {
            var tagger = OfflineDepartmentTagger.Load(reference);
            tagging = new TaggingStage(tagger, tagged);
            description["tagger"] = $"{tagger.Name}: clinical reading (negation, history, rule-out), keyword lexicon and a complement naive Bayes classifier over bundled labelled text; every tag with its evidence (no model)";
        }

        return new PipelineEngines
        {
            Generators = d => d.Paradigm == Paradigm.Public
                ? importer
                : generators.TryGetValue(d.Name, out var g) ? g : generators[d.Name] = OfflineGenerators.For(d, reference),
            Deidentifier = deid,
            Gate = gate,
            Calibration = calibration,
            Tagger = tagging,
            Review = review,
            ReviewAgreement = () => Agreement.Of(store.Tasks()),
            Description = description,
            Resources = [new RunResource(table.CompleteAsync, table), StoreResource(store)],
        };
    }

    /// <summary>The review store beside the outputs (<c>review.db</c>) and the stage that applies its decisions.</summary>
    private static (ReviewStage, ReviewStore) Review(PipelineDefinition definition, string outputDirectory, Dictionary<string, string> description)
    {
        Directory.CreateDirectory(outputDirectory);
        var store = ReviewStore.Open(Path.Combine(outputDirectory, "review.db"), TimeProvider.System);
        description["review"] = $"review store review.db, policy {ConfigNames.Of(definition.ReviewPolicy)}, reviewers {string.Join(", ", definition.Reviewers)} (curate review serve)";
        return (new ReviewStage(store, definition.Reviewers, definition.ReviewPolicy), store);
    }

    private static RunResource StoreResource(ReviewStore store) =>
        new(_ => Task.CompletedTask, new DisposeOnly(store));

    private sealed class DisposeOnly(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Engines over OpenAI-compatible endpoints for the roles the pipeline maps (<c>roles:</c>); a role that
    /// names no endpoint is served by the endpoints file's first endpoint, except the calibration panel,
    /// which needs several different models: with fewer than two named it stays the offline panel (its
    /// open-ended responses are still scored by the model judges). Answers are cached in <paramref name="cachePath"/>,
    /// so a stopped run resumes without paying twice.
    /// </summary>
    public static async Task<(PipelineEngines Engines, ModelHub Hub)> WithEndpointsAsync(PipelineDefinition definition, string endpointsPath,
        ReferenceData reference, string outputDirectory, string cachePath, CancellationToken cancellationToken = default)
    {
        var file = EndpointsFile.Load(endpointsPath);
        if (file.Endpoints.Count == 0)
        {
            throw new PipelineConfigException($"{endpointsPath}: the endpoints file lists no endpoint");
        }

        var roles = definition.Roles;
        foreach (var (role, names) in new[] { ("generator", roles.Generator), ("calibration", roles.Calibration), ("tagger", roles.Tagger), ("judges", roles.Judges) })
        {
            foreach (var name in names.Where(n => file.Endpoints.All(e => e.Name != n && e.Model != n)))
            {
                throw new PipelineConfigException($"{definition.FilePath}: roles.{role}: '{name}' is not an endpoint of {endpointsPath}");
            }
        }

        var hub = ModelHub.Create(file, new ModelHubOptions { CachePath = cachePath });
        var offline = await OfflineAsync(definition, reference, outputDirectory, cancellationToken);
        var description = new Dictionary<string, string>(offline.Description, StringComparer.Ordinal);
        var fallback = file.Endpoints[0].Name;
        string Describe(string name) => file.Endpoints.First(e => e.Name == name || e.Model == name) is var e ? $"{e.Name} ({e.Model})" : name;

        var generatorNames = roles.Generator.Count > 0 ? roles.Generator : [fallback];
        var generators = new Dictionary<string, IItemGenerator>(StringComparer.Ordinal);
        var importer = new PublicDatasetImporter();
        IItemGenerator GeneratorFor(DatasetDefinition d)
        {
            if (d.Paradigm == Paradigm.Public)
            {
                return importer;
            }

            lock (generators)
            {
                if (!generators.TryGetValue(d.Name, out var g))
                {
                    // Several generator endpoints share the datasets round robin, like the paper's three generator models.
                    var name = generatorNames[definition.Datasets.IndexOf(d) % generatorNames.Count];
                    var endpoint = file.Endpoints.First(e => e.Name == name || e.Model == name);
                    g = generators[d.Name] = new LlmItemGenerator(hub.GetClient(name, "generator"), $"llm:{endpoint.Name}/{endpoint.Model}", d, reference);
                }

                return g;
            }
        }

        description["generator"] = "LLM: " + string.Join(", ", generatorNames.Select(Describe)) + " (prompt templates in pipelines/prompts)";
        var judgeNames = roles.Judges.Count >= 2 ? roles.Judges.Take(2).ToList() : [roles.Judges.FirstOrDefault() ?? fallback, roles.Judges.FirstOrDefault() ?? fallback];
        IReadOnlyList<IResponseScorer> scorers = [new LlmResponseScorer(hub.GetClient(judgeNames[0], "judge"), judgeNames[0] + "#1"), new LlmResponseScorer(hub.GetClient(judgeNames[1], "judge"), judgeNames[1] + "#2")];
        description["scorers"] = "LLM: two scorer instances, " + string.Join(" and ", judgeNames.Select(Describe));

        // The offline engines' calibration table is replaced by this run's.
        foreach (var resource in offline.Resources)
        {
            await resource.DisposeAsync();
        }

        var table = await CalibrationTable.CreateAsync(Path.Combine(outputDirectory, "calibration.parquet"), cancellationToken);
        var (review, store) = Review(definition, outputDirectory, description);
        IReadOnlyList<ICalibrationSolver> panel = roles.Calibration.Count >= 2
            ? [.. roles.Calibration.Select(n => new LlmCalibrationSolver(hub.GetClient(n, "calibration"), n))]
            : OfflinePanel.Create(reference);
        description["calibration"] = roles.Calibration.Count >= 2
            ? $"LLM panel of {panel.Count}: " + string.Join(", ", roles.Calibration.Select(Describe)) + (panel.Count == PaperConstants.PanelSize ? "" : " (the method's rules assume five)")
            : "offline panel of five deterministic baselines (roles.calibration names fewer than two endpoints; a panel needs different models)";

        var tagged = TaggedDatasets(definition);
        TaggingStage? tagging = null;
        if (tagged.Count > 0)
        {
            var name = roles.Tagger.FirstOrDefault() ?? fallback;
            tagging = new TaggingStage(new LlmDepartmentTagger(hub.GetClient(name, "tagger"), name), tagged);
            description["tagger"] = "LLM: " + Describe(name) + ", constrained by JSON schema to the 9/64 departments, with evidence";
        }

        var engines = new PipelineEngines
        {
            Generators = GeneratorFor,
            Deidentifier = offline.Deidentifier,
            Gate = offline.Gate,
            Calibration = new CalibrationStage(panel, scorers, definition.ReviewPolicy, review.CalibrationSink(table)),
            Tagger = tagging,
            Review = review,
            ReviewAgreement = () => Agreement.Of(store.Tasks()),
            Description = description,
            Resources = [new RunResource(table.CompleteAsync, table), StoreResource(store)],
        };
        return (engines, hub);
    }

    /// <summary>The datasets whose items get departments (<c>departments:</c> in the pipeline; SmartServ and SmartCare by default).</summary>
    public static IReadOnlySet<string> TaggedDatasets(PipelineDefinition definition) =>
        definition.Datasets.Where(d => d.TagsDepartments).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

    private static (ISourceDeidentifier?, IItemGate?) Deidentification(PipelineDefinition definition, Dictionary<string, string> description)
    {
        var section = definition.Deidentification;
        if (!section.Enabled && !section.Gate)
        {
            description["deidentification"] = "off";
            return (null, null);
        }

        var deidentifier = new Deidentifier(DeidentificationSetup.Options(section.Mode, section.SecretEnv));
        description["deidentification"] = $"rule-based recognisers, {ConfigNames.Of(section.Mode)} mode, "
            + (DeidentificationSetup.HasSecret(section.SecretEnv) ? $"secret from {section.SecretEnv}" : $"demo secret (set {section.SecretEnv} for real data)")
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
