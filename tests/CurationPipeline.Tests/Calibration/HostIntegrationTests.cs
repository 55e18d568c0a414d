using CurationPipeline.Calibration;
using CurationPipeline.Calibration.Offline;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Departments;
using CurationPipeline.Hosting;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using CurationPipeline.Sources;
using CurationPipeline.Splits;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Sources;

namespace CurationPipeline.Tests.Calibration;

/// <summary>
/// The two stages inside the project's Dataflow host, on two of the bundled pipeline's public datasets: CMExam from
/// the vendored sample, CMeEE from records the test writes in CBLUE's native format.
/// </summary>
public sealed class HostIntegrationTests
{
    [Fact]
    public async Task The_host_runs_calibration_and_tagging_and_the_pool_and_table_agree()
    {
        using var dir = new TempDirectory();
        CblueRecords.WriteAll(dir.File("cblue"));
        var definition = PublicItems.Pipeline();
        PublicItems.PointPublicSourcesAt(definition, TestData.Samples);
        PublicItems.PointPublicSourcesAt(definition, dir.File("cblue"), "cmeee");
        definition.Datasets.RemoveAll(d => d.Name is not ("CMExam" or "CMeEE"));
        var perSource = CblueRecords.CMeEE.Length;
        var raw = new ReferenceData(RepoPaths.Raw);
        var tablePath = dir.File("calibration.parquet");
        var table = await CalibrationTable.CreateAsync(tablePath);
        var calibration = new CalibrationStage(OfflinePanel.Create(raw), OfflinePanel.Scorers(), ReviewPolicy.Recorded, table);
        var tagging = new TaggingStage(OfflineDepartmentTagger.Load(raw), new HashSet<string> { "CMeEE" });
        var importer = new PublicDatasetImporter(Extensions.Bundled.Formats);
        var engines = new PipelineEngines { Formats = Extensions.Bundled.Formats, Generators = _ => importer, Stages = [calibration, tagging] };
        var runner = new PipelineRunner(definition, engines, new RunOptions { OutputDirectory = dir.File("out"), Limit = perSource });
        PoolResult pool;
        await using (var rejects = new RejectSink(dir.File("rejects.jsonl")))
        {
            pool = await runner.RunAsync(rejects);
            Assert.Equal(0, rejects.Count);
        }

        await table.CompleteAsync();
        await table.DisposeAsync();

        var items = new List<BenchmarkItem>();
        await foreach (var item in PoolReader.ReadItemsAsync(pool.Files))
        {
            items.Add(item);
        }

        Assert.Equal(2 * perSource, items.Count);
        Assert.All(items, i => Assert.Equal(DifficultyState.Labelled, i.Difficulty.State));
        Assert.All(items.Where(i => i.Dataset == "CMeEE"), i => Assert.InRange(i.Departments.Count, 1, 3));
        Assert.All(items.Where(i => i.Dataset == "CMExam"), i => Assert.Empty(i.Departments));

        var relabelled = Relabel.Run(await CalibrationTable.ReadAsync(tablePath), CalibrationThresholds.Paper, ReviewPolicy.Recorded).ToDictionary(r => r.ItemId);
        Assert.Equal(2 * perSource, relabelled.Count);
        Assert.All(items, i => Assert.Equal(i.Difficulty.Level, relabelled[i.Id].Label.Level));
    }
}
