using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Hosting;
using CurationPipeline.IO;
using Spectre.Console;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// The cost of a run before it runs (<c>--plan</c>): the run is made with the model layer in plan mode, where
/// answers in the cache are served and every other request is counted, priced and answered by a stand-in. The
/// plan goes to the console and to <c>plan.json</c> in the output folder, against which a later run there shows
/// its spending as it goes (<see cref="ModelProgress"/>).
/// </summary>
internal static class CallPlan
{
    public const string FileName = "plan.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// Plans a pipeline run. Generated items depend on the generators' answers: where a generator's answer is not
    /// cached, the offline engine's item for the same record stands in, so that the later stages are asked about
    /// an item of the same dataset and kind. Outputs go to a scratch folder, deleted afterwards. <paramref name="planOptions"/> are the model layer's options in plan mode.
    /// </summary>
    public static async Task<UsageSnapshot> ForRunAsync(PipelineDefinition definition, string endpointsPath, string rawDirectory, ModelHubOptions planOptions,
        int? seed, int? limit, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("curate-plan-").FullName;
        try
        {
            await using var root = CompositionRoot.Create(new CompositionOptions
            {
                RawDirectory = rawDirectory,
                EndpointsFile = endpointsPath,
                ModelLayer = planOptions,
            });
            var engines = await root.BuildRunAsync(definition, scratch, cancellationToken);
            var run = new CurationRun(definition, WithStandInItems(engines, root), new RunOptions
            {
                OutputDirectory = scratch,
                Seed = seed,
                Limit = limit,
            });
            await run.ExecuteAsync(cancellationToken);
            return root.Hub!.Usage();
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in the temporary folder harms nothing.
            }
        }
    }

    /// <summary>Prints the plan: per endpoint and role the calls to make, those the cache answers, estimated tokens and cost.</summary>
    public static void Print(IAnsiConsole console, UsageSnapshot plan)
    {
        var table = new Table().AddColumns("endpoint", "role", "calls", "cached", "batched", "prompt tokens", "completion tokens", "cost");
        foreach (var r in plan.Rows.Append(plan.Total))
        {
            table.AddRow(Markup.Escape(r.Endpoint), Markup.Escape(r.Role), N(r.Calls), N(r.CacheHits), N(r.Batched), N(r.PromptTokens), N(r.CompletionTokens), UsageSnapshot.Money(r.EstimatedCost));
        }

        console.WriteTable("plan: model calls this run would make", table,
            "Estimates: prompt tokens counted per script as o200k would; completion tokens the mean of the endpoint's answers under the role (256 before any); "
            + "batch endpoints at their batch discount. Not counted: re-asks of unusable answers, retries, a third judge on disputes. Nothing was sent.");
    }

    public static Task WriteAsync(string outputDirectory, string subject, UsageSnapshot plan, CancellationToken cancellationToken)
    {
        var file = new PlanFile(subject, plan.TakenAt, plan.Total.Calls, plan.Total.CacheHits, plan.Total.EstimatedCost,
            JsonDocument.Parse(plan.ToJson()).RootElement);
        return AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, FileName), JsonSerializer.Serialize(file, Json), cancellationToken);
    }

    /// <summary>The plan left in <paramref name="outputDirectory"/> by an earlier <c>--plan</c> of the same subject, if any.</summary>
    public static PlanFile? Read(string outputDirectory, string subject)
    {
        var path = Path.Combine(outputDirectory, FileName);
        try
        {
            var plan = File.Exists(path) ? JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(path)) : null;
            return plan?.Subject == subject ? plan : null;
        }
        catch (JsonException)
        {
            return null; // not ours to judge: no projection then
        }
    }

    /// <summary>The engines with each model generator backed by the offline engine of its dataset, for a plan.</summary>
    private static PipelineEngines WithStandInItems(PipelineEngines engines, CompositionRoot root) => new()
    {
        Formats = engines.Formats,
        Generators = d => d.Paradigm == Paradigm.Public ? engines.Generators(d) : new StandInGenerator(engines.Generators(d), root.Extensions.Paradigms.CreateOffline(d, root.Reference)),
        ItemValidator = engines.ItemValidator,
        Deidentifier = engines.Deidentifier,
        Gate = engines.Gate,
        Stages = engines.Stages,
        ReviewAgreement = engines.ReviewAgreement,
        Description = engines.Description,
        Resources = engines.Resources,
    };

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The model generator, and where its answer is a plan's stand-in, the offline engine's item.</summary>
    private sealed class StandInGenerator(IItemGenerator model, IItemGenerator offline) : IItemGenerator
    {
        public Paradigm Paradigm => model.Paradigm;

        public string Engine => model.Engine;

        public async Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await model.GenerateAsync(record, dataset, context, cancellationToken);
            }
            catch (Exception e) when (e is LlmException or RecordRejectedException)
            {
                return await offline.GenerateAsync(record, dataset, context, cancellationToken);
            }
        }
    }
}

/// <summary>plan.json: what a run or evaluation was planned to call and cost.</summary>
internal sealed record PlanFile(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("planned_at")] DateTimeOffset PlannedAt,
    [property: JsonPropertyName("calls")] long Calls,
    [property: JsonPropertyName("cached")] long Cached,
    [property: JsonPropertyName("estimated_cost")] decimal? EstimatedCost,
    [property: JsonPropertyName("models")] JsonElement Models);
