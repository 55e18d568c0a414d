using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Tests.Paradigms;

/// <summary>Every proprietary dataset of mlb.yaml gets valid items from the committed raw/ through the offline factory.</summary>
public sealed class AllDatasetsTests
{
    private static readonly PipelineDefinition Mlb = PipelineLoader.Load(RawFiles.Pipeline);

    public static TheoryData<string> ProprietaryDatasets() =>
        [.. Mlb.Datasets.Where(d => d.Paradigm != Paradigm.Public).Select(d => d.Name)];

    [Fact]
    public void Mlb_has_seventeen_proprietary_datasets_on_p1_to_p4() =>
        Assert.Equal(17, ProprietaryDatasets().Count);

    [Theory]
    [MemberData(nameof(ProprietaryDatasets))]
    public async Task Dataset_gets_valid_items_from_the_bundled_raw_inputs(string name)
    {
        var dataset = Mlb.Datasets.Single(d => d.Name == name);
        var (items, records, rejects) = await Generate(dataset, RawFiles.Context());

        Assert.True(items.Count >= 60, $"{name}: {items.Count} items from {records} records; rejects: {string.Join(" | ", rejects.Take(5))}");
        Assert.True(rejects.Count <= records * 0.05, $"{name}: {rejects.Count} of {records} records rejected: {string.Join(" | ", rejects.Take(5))}");
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());

        var validator = new BenchmarkItemValidator();
        foreach (var item in items)
        {
            var result = validator.Validate(item);
            Assert.True(result.IsValid, $"{name} {item.Provenance.SourceRecord}: {string.Join("; ", result.Errors)}");
            Assert.Equal(name, item.Dataset);
            Assert.Equal(dataset.Secondary, item.SecondaryDimension);
            Assert.Equal("offline", item.Provenance.EngineKind);
            Assert.StartsWith("offline:", item.Provenance.Engine, StringComparison.Ordinal);
            Assert.Equal("0123456789abcdef", item.Provenance.PromptHash);
            Assert.Equal("0.1.0-test", item.Provenance.PipelineVersion);
            Assert.StartsWith("raw/", item.Provenance.SourceFile, StringComparison.Ordinal);
            Assert.Empty(item.Departments);
            foreach (var key in dataset.SamplingKeys.Where(k => k != "department"))
            {
                Assert.True(item.Attributes.TryGetValue(key, out var value) && value.Length > 0, $"{name} {item.Id}: no attribute {key}");
            }

            Assert.Equal(item.Id, ItemId.Compute(name, item.Provenance.SourceFile, item.Provenance.SourceRecord,
                ItemId.ContentOf(item.Question, item.Context, item.Options, item.Answer)));
        }
    }

    [Fact]
    public async Task Mahalt_covers_three_hallucination_types_and_masafety_both_source_kinds()
    {
        var (halt, _, _) = await Generate(Mlb.Datasets.Single(d => d.Name == "MAHalt"), RawFiles.Context());
        Assert.Equal(["fabricated_entity", "false_premise", "misattribution"], halt.Select(i => i.Attributes["hallucination_type"]).Distinct().Order());

        var (safety, _, _) = await Generate(Mlb.Datasets.Single(d => d.Name == "MASafety"), RawFiles.Context());
        Assert.Contains("drug_label", safety.Select(i => i.Attributes["source_type"]));
        Assert.Contains("guideline", safety.Select(i => i.Attributes["source_type"]));
    }

    /// <summary>Runs a dataset's engine over all its inputs; rejects as "record: reason".</summary>
    internal static async Task<(List<BenchmarkItem> Items, int Records, List<string> Rejects)> Generate(DatasetDefinition dataset, GenerationContext context)
    {
        var engine = Extensions.Bundled.Paradigms.CreateOffline(dataset, RawFiles.Reference);
        var items = new List<BenchmarkItem>();
        var rejects = new List<string>();
        var records = 0;
        foreach (var input in dataset.Inputs)
        {
            var source = Mlb.Sources.Single(s => s.Name == input);
            foreach (var record in RawFiles.Records(Mlb, source, dataset))
            {
                records++;
                try
                {
                    var made = await engine.GenerateAsync(record, dataset, context);
                    Assert.InRange(made.Count, 1, Math.Max(1, dataset.ItemsPerRecord));
                    items.AddRange(made);
                }
                catch (RecordRejectedException e)
                {
                    rejects.Add($"{record.Location}: {e.Message} ({e.Field})");
                }
            }
        }

        return (items, records, rejects);
    }
}
