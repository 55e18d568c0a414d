using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;

namespace CurationPipeline.Tests.Calibration;

/// <summary>
/// Items of the bundled pipeline's public datasets, read from their native files by the project's own importer.
/// The pipeline's source patterns (<c>cmexam/val*.csv</c>) are taken relative to a folder the test chooses: the
/// vendored samples, the <c>CURATE_EXTERNAL_DATA</c> folder, or a folder of records the test wrote.
/// </summary>
internal static class PublicItems
{
    public static PipelineDefinition Pipeline() => PipelineLoader.Load(RepoPaths.File("pipelines/mlb.yaml"));

    /// <summary>Points the pipeline's public sources (all, or those named) at <paramref name="folder"/> instead of the public datasets folder.</summary>
    public static void PointPublicSourcesAt(PipelineDefinition definition, string folder, params string[] names)
    {
        foreach (var source in definition.Sources.Where(s => s.Kind == "public" && (names.Length == 0 || names.Contains(s.Name))))
        {
            // "<public datasets folder>/cblue-cmeee/CMeEE_dev*.json" -> "<folder>/cblue-cmeee/CMeEE_dev*.json"
            source.Path = Path.Combine(folder, Path.GetFileName(Path.GetDirectoryName(source.Path))!, Path.GetFileName(source.Path));
        }
    }

    /// <summary>The first <paramref name="limit"/> items of a public dataset whose files are under <paramref name="folder"/>.</summary>
    public static async Task<List<BenchmarkItem>> LoadAsync(string datasetName, int limit, string folder)
    {
        var definition = Pipeline();
        PointPublicSourcesAt(definition, folder);
        var dataset = definition.Datasets.Single(d => d.Name == datasetName);
        var source = definition.Sources.Single(s => s.Name == dataset.Inputs[0]);
        var files = SourcePaths.Expand(source.Path);
        Assert.True(files.Count > 0, $"{datasetName}: no file matches {source.Path}");
        var context = new GenerationContext { Seed = 1, PipelineVersion = "test" };
        var importer = new PublicDatasetImporter(Extensions.Bundled.Formats);
        var items = new List<BenchmarkItem>();
        foreach (var file in files)
        {
            await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, source, file, file))
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
                    return items;
                }
            }
        }

        return items;
    }
}
