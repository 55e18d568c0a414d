using CurationPipeline.Items;
using CurationPipeline.Paradigms;
using CurationPipeline.Pipeline;
using CurationPipeline.Sources;
using CurationPipeline.Sources.Public;

namespace CurationPipeline.Tests.Calibration;

/// <summary>Items of the bundled public datasets, read from their native files by the project's own importer.</summary>
internal static class PublicItems
{
    public static string RepoRoot { get; } = FindRoot();

    public static async Task<List<BenchmarkItem>> LoadAsync(string datasetName, int limit)
    {
        var definition = PipelineLoader.Load(Path.Combine(RepoRoot, "pipelines", "mlb.yaml"));
        var dataset = definition.Datasets.Single(d => d.Name == datasetName);
        var source = definition.Sources.Single(s => s.Name == dataset.Inputs[0]);
        var path = definition.ResolvePath(source.Path);
        Assert.True(File.Exists(path), $"public sample not found: {path}");
        var context = new GenerationContext { Seed = 1, PipelineVersion = "test", RawDirectory = Path.Combine(RepoRoot, "raw") };
        var importer = new PublicDatasetImporter();
        var items = new List<BenchmarkItem>();
        await foreach (var read in SourceReader.ReadAsync(source, path, path))
        {
            if (read.Record is null)
            {
                continue;
            }

            try
            {
                items.AddRange(await importer.GenerateAsync(read.Record, dataset, context));
            }
            catch (RecordRejectedException)
            {
                continue;
            }

            if (items.Count >= limit)
            {
                break;
            }
        }

        return items;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CurationPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
