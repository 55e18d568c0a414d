using System.Text.Json;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Hosting;
using CurationPipeline.Items;
using CurationPipeline.Splits;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Pipeline;

public class CurationRunTests
{
    private static PipelineDefinition Pipeline(TempDirectory dir, int records)
    {
        var lines = Enumerable.Range(1, records).Select(i => JsonSerializer.Serialize(new { id = $"r{i}", patient_id = $"p{i % 7}", text = $"第{i}号记录：患者咳嗽{i}天。" }));
        File.WriteAllLines(dir.File("notes.jsonl"), lines);
        var yaml = """
            name: unit
            seed: 7
            stages: { bounded_capacity: 4, max_degree_of_parallelism: 3 }
            sources:
              - { name: notes, path: notes.jsonl, format: jsonl, kind: ehr }
            datasets:
              - { name: DemoMC, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: P1, source: proprietary, type: multiple-choice, scoring: accuracy, target_n: 5, inputs: [notes] }
            """;
        File.WriteAllText(dir.File("unit.yaml"), yaml);
        return PipelineLoader.Load(dir.File("unit.yaml"));
    }

    private static PipelineEngines Engines(Func<SourceRecord, CancellationToken, Task<IReadOnlyList<BenchmarkItem>>> generate) => new()
    {
        Formats = Extensions.Bundled.Formats,
        Generators = _ => new DelegateGenerator(generate),
        Description = new Dictionary<string, string> { ["generator"] = "test" },
    };

    private static BenchmarkItem Item(SourceRecord r, DatasetDefinition d, string? answer = "A")
    {
        var context = new GenerationContext { Seed = 1, PipelineVersion = "test" };
        return ItemFactory.Create(d, r, new ItemDraft($"关于{r.RecordId}的问题？", null, ["甲", "乙", "丙", "丁", "戊"], answer), "test", "offline", context);
    }

    [Fact]
    public async Task Every_record_is_accounted_for_when_engines_fail_in_every_way()
    {
        using var dir = new TempDirectory();
        var definition = Pipeline(dir, 60);
        var dataset = definition.Datasets[0];
        var engines = Engines(async (r, ct) =>
        {
            var n = int.Parse(r.RecordId[1..], System.Globalization.CultureInfo.InvariantCulture);
            await Task.Yield();
            return (n % 5) switch
            {
                0 => throw new RecordRejectedException("no question could be formed", "text"),
                1 => throw new TaskCanceledException("HTTP timeout"), // looks like cancellation; must not be dropped
                2 => [Item(r, dataset, answer: "Z")],                 // invalid: answer not a letter of the options
                3 => throw new InvalidOperationException("engine bug"),
                _ => [Item(r, dataset), Item(r, dataset) with { Id = r.RecordId + "-b" }],
            };
        });

        var outcome = await new CurationRun(definition, engines, new RunOptions { OutputDirectory = dir.File("out") }).ExecuteAsync();

        var m = outcome.Manifest;
        Assert.True(m.CountsBalanced);
        var generate = m.Stages.Single(s => s.Name == "generate");
        Assert.Equal(60, generate.Received);
        Assert.Equal(36, generate.Rejected);
        Assert.Equal(12 + 24, generate.Emitted);
        Assert.Equal(12, m.Stages.Single(s => s.Name == "validate").Rejected);
        Assert.Equal(24, m.PoolItems);
        var rejects = File.ReadAllLines(dir.File("out/rejects.jsonl")).Select(l => JsonSerializer.Deserialize<Reject>(l)!).ToList();
        Assert.Equal(48, rejects.Count);
        Assert.Equal(12, rejects.Count(r => r.Reason.Contains("timed out", StringComparison.Ordinal)));
        Assert.All(rejects, r => Assert.EndsWith("notes.jsonl", r.File, StringComparison.Ordinal));
        Assert.Contains(rejects, r => r is { Stage: "validate", Field: "answer" } && r.ItemId is not null);
        Assert.Contains(rejects, r => r is { Stage: "generate", Field: "text", Reason: "no question could be formed" });
        Assert.Equal(1, m.ExitCode); // 48 rejects of 60 records is above the 5% threshold
    }

    [Fact]
    public async Task The_pool_holds_every_item_in_source_order_and_reads_back()
    {
        using var dir = new TempDirectory();
        var definition = Pipeline(dir, 25);
        var dataset = definition.Datasets[0];
        var engines = Engines(async (r, ct) =>
        {
            await Task.Delay(r.RecordId.Length % 3, ct); // finish out of order
            return [Item(r, dataset)];
        });

        var outcome = await new CurationRun(definition, engines, new RunOptions { OutputDirectory = dir.File("out") }).ExecuteAsync();

        Assert.Equal(0, outcome.Manifest.ExitCode);
        var items = new List<BenchmarkItem>();
        await foreach (var item in PoolReader.ReadItemsAsync(PoolReader.Resolve(dir.File("out"))))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"r{i}"), items.Select(i => i.Provenance.SourceRecord));
        Assert.All(items, i => Assert.Equal(["甲", "乙", "丙", "丁", "戊"], i.Options));
        Assert.True(File.Exists(dir.File("out/run.json")));
        Assert.True(File.Exists(dir.File("out/report.md")));
        Assert.True(File.Exists(dir.File("out/README.md")));
        Assert.True(File.Exists(dir.File("out/data/DemoMC/test-00000-of-00001.parquet")));
    }

    [Fact]
    public async Task Cancelling_leaves_no_half_written_file()
    {
        using var dir = new TempDirectory();
        var definition = Pipeline(dir, 200);
        var dataset = definition.Datasets[0];
        using var cts = new CancellationTokenSource();
        var engines = Engines(async (r, ct) =>
        {
            if (r.RecordId == "r50")
            {
                await cts.CancelAsync();
            }

            await Task.Delay(5, ct);
            return [Item(r, dataset)];
        });

        var run = new CurationRun(definition, engines, new RunOptions { OutputDirectory = dir.File("out") });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.ExecuteAsync(cts.Token));

        var left = Directory.EnumerateFiles(dir.File("out"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Empty(left);
    }

    [Fact]
    public async Task A_required_source_that_is_missing_is_a_configuration_error()
    {
        using var dir = new TempDirectory();
        var definition = Pipeline(dir, 1);
        File.Delete(dir.File("notes.jsonl"));

        var run = new CurationRun(definition, Engines((_, _) => Task.FromResult<IReadOnlyList<BenchmarkItem>>([])), new RunOptions { OutputDirectory = dir.File("out") });

        var e = await Assert.ThrowsAsync<PipelineConfigException>(() => run.ExecuteAsync());
        Assert.Contains("source 'notes': file not found", e.Message, StringComparison.Ordinal);
    }

    private sealed class DelegateGenerator(Func<SourceRecord, CancellationToken, Task<IReadOnlyList<BenchmarkItem>>> generate) : IItemGenerator
    {
        public Paradigm Paradigm => Paradigm.P1;

        public string Engine => "test";

        public Task<IReadOnlyList<BenchmarkItem>> GenerateAsync(SourceRecord record, DatasetDefinition dataset, GenerationContext context, CancellationToken cancellationToken = default) =>
            generate(record, cancellationToken);
    }
}
