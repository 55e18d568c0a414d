using System.Text.Json;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;

namespace CurationPipeline.Tests.Paradigms;

/// <summary>Same record, dataset and seed give the same items, whatever else ran before; another seed changes the draws.</summary>
public sealed class DeterminismTests
{
    private static readonly PipelineDefinition Mlb = PipelineLoader.Load(RawFiles.Pipeline);

    public static TheoryData<string> Datasets() => [.. Mlb.Datasets.Where(d => d.Paradigm != Paradigm.Public).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Two_runs_give_identical_items(string name)
    {
        var dataset = Mlb.Datasets.Single(d => d.Name == name);
        var first = await AllDatasetsTests.Generate(dataset, RawFiles.Context());
        var second = await AllDatasetsTests.Generate(dataset, RawFiles.Context());
        Assert.Equal(Json(first.Items), Json(second.Items));
        Assert.Equal(first.Rejects, second.Rejects);
    }

    [Fact]
    public async Task Another_seed_draws_other_options_for_p1()
    {
        var dataset = Mlb.Datasets.Single(d => d.Name == "MAMedication");
        var a = await AllDatasetsTests.Generate(dataset, RawFiles.Context(1));
        var b = await AllDatasetsTests.Generate(dataset, RawFiles.Context(2));
        Assert.NotEqual(Json(a.Items), Json(b.Items));
    }

    [Fact]
    public async Task A_record_gives_the_same_item_alone_or_after_others()
    {
        var dataset = Mlb.Datasets.Single(d => d.Name == "MAHalt");
        var all = await AllDatasetsTests.Generate(dataset, RawFiles.Context());
        var record = TestDatasets.Bundled("drugs", "M017");
        var alone = await TestDatasets.Engine("MAHalt").GenerateAsync(record, dataset, RawFiles.Context());
        Assert.Equal(Json(all.Items.Where(i => i.Provenance.SourceRecord == "M017")), Json(alone));
    }

    private static string Json(IEnumerable<BenchmarkItem> items) => JsonSerializer.Serialize(items);
}
