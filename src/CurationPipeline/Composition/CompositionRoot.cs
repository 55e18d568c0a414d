using CurationPipeline.Calibration;
using CurationPipeline.Core;
using CurationPipeline.Evaluation;
using CurationPipeline.Hosting;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Paradigms;
using CurationPipeline.Reference;
using CurationPipeline.Review;
using CurationPipeline.Roles;
using CurationPipeline.Sources;

namespace CurationPipeline.Composition;

/// <summary>What a composition root is made from.</summary>
public sealed class CompositionOptions
{
    /// <summary>The paradigms, source formats and model roles; the bundled ones unless given.</summary>
    public Extensions Extensions { get; init; } = Extensions.Bundled;

    /// <summary>The raw folder of the reference data (knowledge tables, lexicons, department files).</summary>
    public string? RawDirectory { get; init; }

    /// <summary>The endpoints file; with one the model roles run on its endpoints, without one every role runs offline.</summary>
    public string? EndpointsFile { get; init; }

    /// <summary>The setup of the model layer over the endpoints file (cache, batch journal, plan mode); no cache unless given.</summary>
    public ModelHubOptions ModelLayer { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// The one place where <c>curate run</c>, <c>evaluate</c>, <c>review</c> and <c>sample</c> get their parts: the
/// extensions, the pipeline file bound against them, the reference data (read once), the model layer over the endpoints
/// file (made once, when first used), and the engines of the model roles, each built once from its role's declaration.
/// </summary>
public sealed class CompositionRoot : IAsyncDisposable
{
    private readonly CompositionOptions _options;
    private readonly Lazy<ReferenceData> _reference;
    private readonly Lazy<ModelHub>? _hub;

    private CompositionRoot(CompositionOptions options, EndpointsFile? endpoints)
    {
        _options = options;
        Endpoints = endpoints;
        _reference = new(() => new ReferenceData(options.RawDirectory ?? throw new InvalidOperationException("the composition has no raw folder")));
        _hub = endpoints is null ? null : new(() => ModelHub.Create(endpoints, options.ModelLayer));
    }

    /// <summary>Reads the endpoints file, when one is given; nothing else is opened until it is used.</summary>
    public static CompositionRoot Create(CompositionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options, options.EndpointsFile is { } path ? EndpointsFile.Load(path) : null);
    }

    public Extensions Extensions => _options.Extensions;

    /// <summary>The reference data under the raw folder, one instance for everything this root builds.</summary>
    public ReferenceData Reference => _reference.Value;

    /// <summary>The endpoints file; null when the roles run offline.</summary>
    public EndpointsFile? Endpoints { get; }

    /// <summary>The model layer over the endpoints file, made the first time it is used; null without one.</summary>
    public ModelHub? Hub => _hub?.Value;

    /// <summary>A pipeline file bound and checked against this root's extensions.</summary>
    public PipelineDefinition LoadPipeline(string path, string? publicData = null) => PipelineLoader.Load(path, publicData, Extensions);

    /// <summary>A review store whose revisions are checked by the rules of every item and of the paradigms.</summary>
    public ReviewStore OpenReviewStore(string path) => ReviewStore.Open(path, _options.Time, Extensions.Paradigms.Validator);

    /// <summary>
    /// What a run of <paramref name="definition"/> is made of: the generators, de-identification, the stages of the model
    /// roles and the review stage, and the outputs they write in <paramref name="outputDirectory"/> (the calibration
    /// table, the review store).
    /// </summary>
    public async Task<PipelineEngines> BuildRunAsync(PipelineDefinition definition, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        CheckRoles(definition);
        var description = new Dictionary<string, string>(StringComparer.Ordinal);
        var context = new Context(this, definition, description);
        var generators = context.Engine(Extensions.Roles.Single<GeneratorRole>());
        var importer = new PublicDatasetImporter(Extensions.Formats);
        description["public datasets"] = $"{importer.Engine}: read from their native formats, no generation";
        var (deidentifier, gate, deidentification) = DeidentificationSetup.ForRun(definition.Deidentification);
        description["deidentification"] = deidentification;

        var table = await CalibrationTable.CreateAsync(Path.Combine(outputDirectory, "calibration.parquet"), cancellationToken);
        ReviewStore? store = null;
        try
        {
            Directory.CreateDirectory(outputDirectory);
            store = OpenReviewStore(Path.Combine(outputDirectory, "review.db"));
            description["review"] = $"review store review.db, policy {ConfigNames.Of(definition.ReviewPolicy)}, reviewers {string.Join(", ", definition.Reviewers)} (curate review serve)";
            var review = new ReviewStage(store, definition.Reviewers, definition.ReviewPolicy);
            context.Sink = review.CalibrationSink(table);
            // Duplicates and contamination go first, so that no model is asked about an item that will not be kept.
            var dedup = await DedupSetup.ForRunAsync(definition, Extensions.Formats, cancellationToken);
            List<IItemStage> stages = [.. dedup is { } d ? [d.Stage] : Array.Empty<IItemStage>(), .. Extensions.Roles.All.Select(r => r.CreateStage(context)).OfType<IItemStage>(), review];
            if (dedup is not null)
            {
                description["dedup"] = $"minhash-lsh: character {definition.Dedup.Ngram}-grams, threshold {definition.Dedup.Threshold:0.00}"
                    + (definition.Dedup.Enabled ? "" : ", duplicates not checked")
                    + (definition.Decontaminate.Against.Count > 0 ? $", against {string.Join(", ", definition.Decontaminate.Against)}" : "");
            }

            var reviews = store;
            return new PipelineEngines
            {
                Formats = Extensions.Formats,
                Generators = d => d.Paradigm == Paradigm.Public ? importer : generators.For(d),
                ItemValidator = Extensions.Paradigms.Validator,
                Deidentifier = deidentifier,
                Gate = gate,
                Stages = stages,
                ReviewAgreement = () => Agreement.Of(reviews.Tasks()),
                Deduplication = dedup is { } found ? () => found.Stage.Report.Summary(DedupSetup.Settings(definition), found.Missing) : null,
                Description = description,
                DifficultyThresholds = (stages.OfType<CalibrationStage>().FirstOrDefault()?.Thresholds ?? CalibrationThresholds.Paper).ToValues(),
                Resources = [new RunResource(table.CompleteAsync, table), new RunResource(_ => Task.CompletedTask, new DisposeOnly(reviews))],
            };
        }
        catch
        {
            store?.Dispose();
            await table.DisposeAsync();
            throw;
        }
    }

    /// <summary>A model the evaluator runs: <c>offline:NAME</c> (a solver of the offline calibration panel) or an endpoint; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public IEvaluatedModel Model(string name) =>
        new ModelsUnderTest(Extensions.Roles.Single<CalibrationRole>()).Resolve(new Context(this, null, []), name);

    /// <summary>The evaluator's judges: the offline scorer pair, or the named ones (see <see cref="JudgeRole.ForEvaluation"/>).</summary>
    public IReadOnlyList<IResponseScorer> Judges(IReadOnlyList<string>? names)
    {
        var judges = Extensions.Roles.Single<JudgeRole>();
        var context = new Context(this, null, []);
        return names is null ? judges.Offline(context).Engine : judges.ForEvaluation(context, names);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is { IsValueCreated: true })
        {
            await _hub.Value.DisposeAsync();
        }
    }

    /// <summary>With endpoints, every endpoint a role names must be in the endpoints file.</summary>
    private void CheckRoles(PipelineDefinition definition)
    {
        if (Endpoints is not { } file)
        {
            return;
        }

        if (file.Endpoints.Count == 0)
        {
            throw new PipelineConfigException($"{_options.EndpointsFile}: the endpoints file lists no endpoint");
        }

        foreach (var role in Extensions.Roles.All)
        {
            foreach (var name in definition.Roles.Named(role.Name).Where(n => file.Endpoints.All(e => e.Name != n && e.Model != n)))
            {
                throw new PipelineConfigException($"{definition.FilePath}: roles.{role.Name}: '{name}' is not an endpoint of {_options.EndpointsFile}");
            }
        }
    }

    /// <summary>The roles' view of this root; engines are built on first use and their lines recorded in order.</summary>
    private sealed class Context(CompositionRoot root, PipelineDefinition? definition, Dictionary<string, string> description) : RoleContext
    {
        private readonly Dictionary<IModelRole, object> _engines = [];
        private readonly object _gate = new();

        public override PipelineDefinition? Definition => definition;

        public override ReferenceData Reference => root.Reference;

        public override ParadigmRegistry Paradigms => root.Extensions.Paradigms;

        public override ModelHub? Hub => root.Hub;

        public override EndpointsFile? Endpoints => root.Endpoints;

        public override ICalibrationSink? CalibrationSink => Sink;

        public ICalibrationSink? Sink { get; set; }

        public override TEngine Engine<TEngine>(ModelRole<TEngine> role)
        {
            lock (_gate)
            {
                if (_engines.TryGetValue(role, out var built))
                {
                    return (TEngine)built;
                }

                var engine = Endpoints is { } file
                    ? role.Llm(this, new RoleEndpoints(definition?.Roles.Named(role.Name) ?? [], file.Endpoints[0].Name))
                    : role.Offline(this);
                description[role.DescriptionKey] = engine.Description;
                _engines[role] = engine.Engine;
                return engine.Engine;
            }
        }
    }

    private sealed class DisposeOnly(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
