using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Hosting;
using CurationPipeline.Items;
using CurationPipeline.Llm;
using CurationPipeline.Splits;

namespace CurationPipeline.Testing.Runs;

/// <summary>
/// A run as <c>curate run</c> makes it, over extensions a test may add to: the pipeline file bound against them, the
/// engines from one composition root, the outputs written to <c>out/</c> beside the pipeline file and the pool read back.
/// </summary>
public sealed record TestRun(RunOutcome Outcome, IReadOnlyList<BenchmarkItem> Pool, IReadOnlyDictionary<string, string> Engines, string OutputDirectory)
{
    /// <summary>Runs the pipeline file; with <paramref name="endpointsFile"/> the model roles run on its endpoints, <paramref name="limit"/> caps the records read per source.</summary>
    public static async Task<TestRun> ExecuteAsync(Extensions extensions, string pipelineFile, string? endpointsFile = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var outDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pipelineFile))!, "out");
        await using var root = CompositionRoot.Create(new CompositionOptions
        {
            Extensions = extensions,
            RawDirectory = Path.Combine(TestData.RepositoryRoot, "raw"),
            EndpointsFile = endpointsFile,
            ModelLayer = new ModelHubOptions { CachePath = Path.Combine(outDir, "model-cache.db") },
        });
        var definition = root.LoadPipeline(pipelineFile);
        var engines = await root.BuildRunAsync(definition, outDir, cancellationToken);
        var run = new CurationRun(definition, engines, new RunOptions { OutputDirectory = outDir, Limit = limit }) { ModelUsage = root.Hub is { } hub ? hub.Usage : null };
        var outcome = await run.ExecuteAsync(cancellationToken);
        var pool = new List<BenchmarkItem>();
        await foreach (var item in PoolReader.ReadItemsAsync(PoolReader.Resolve(outDir), cancellationToken: cancellationToken))
        {
            pool.Add(item);
        }

        return new(outcome, pool, engines.Description, outDir);
    }

    /// <summary>The rejects the run wrote.</summary>
    public IReadOnlyList<Reject> Rejects() =>
        [.. File.ReadAllLines(Path.Combine(OutputDirectory, "rejects.jsonl")).Select(l => System.Text.Json.JsonSerializer.Deserialize<Reject>(l)!)];
}
