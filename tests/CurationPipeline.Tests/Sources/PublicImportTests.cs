using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Items;
using CurationPipeline.Sources;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Calibration;

namespace CurationPipeline.Tests.Sources;

/// <summary>The public importer on the CBLUE native formats, through the bundled pipeline's source patterns.</summary>
public sealed class PublicImportTests
{
    [Fact]
    public async Task Cblue_records_written_in_their_native_formats_become_items_with_their_gold_annotations()
    {
        using var dir = new TempDirectory();
        CblueRecords.WriteAll(dir.Path);

        var cmeee = await PublicItems.LoadAsync("CMeEE", int.MaxValue, dir.Path);
        Assert.Equal(CblueRecords.CMeEE.Length, cmeee.Count);
        Assert.All(cmeee, item => Assert.All(item.Entities, e => Assert.Equal(e.Text, item.Context![e.Start!.Value..e.End!.Value])));
        Assert.Equal(new GoldEntity("dis", "小儿肺炎", 0, 4), cmeee[0].Entities[0]);
        Assert.Equal(new GoldEntity("mic", "轮状病毒", 0, 4), cmeee[2].Entities[0]); // nested in 轮状病毒感染
        Assert.Equal(CblueRecords.CMeEE.Select(r => r.Entities.Length), cmeee.Select(i => i.Entities.Count));
        Assert.StartsWith("dis：小儿肺炎；sym：发热", cmeee[0].Answer, StringComparison.Ordinal);

        var cdn = await PublicItems.LoadAsync("CHIP-CDN", int.MaxValue, dir.Path);
        Assert.Equal(3, cdn.Count);
        Assert.Equal("左膝关节退行性变伴积液", cdn[0].Context);
        Assert.Equal(["膝关节病", "关节积液"], cdn[0].Entities.Select(e => e.Text));
        Assert.Equal(["高血压3级"], cdn[2].Entities.Select(e => e.Text)); // a term given twice is one gold term

        var cdee = await PublicItems.LoadAsync("CHIP-CDEE", int.MaxValue, dir.Path);
        Assert.Equal(["疼痛||右上腹|持续性", "恶心|否定||", "呕吐|否定||"], cdee[0].Entities.Select(e => e.Text));
        Assert.Equal(["水肿||双下肢|轻度", "心功能不全|不确定||"], cdee[1].Entities.Select(e => e.Text));

        var cmeie = await PublicItems.LoadAsync("CMeIE", int.MaxValue, dir.Path);
        Assert.Equal(2, cmeie.Count);
        Assert.Equal(["临床表现：支气管哮喘|喘息", "临床表现：支气管哮喘|咳嗽", "影像学检查：支气管哮喘|肺功能检查"],
            cmeie[0].Entities.Select(e => $"{e.Type}：{e.Text}")); // the repeated triple counts once
        Assert.Equal("药物治疗：缺铁性贫血|铁剂", cmeie[1].Answer);
    }

    [Theory]
    [InlineData("cmeee", """{"text": "发热三天", "entities": [{"start_idx": 0, "type": "sym", "entity": "发热"}]}""", "entities")]
    [InlineData("cmeee", """{"text": "发热三天", "entities": [{"start_idx": "0", "end_idx": 1, "type": "sym", "entity": "发热"}]}""", "entities")]
    [InlineData("chip-cdee", """{"id": 1, "text": "无发热", "event": [{"tendency": "否定"}]}""", "event")]
    [InlineData("cmeie", """{"text": "哮喘@喘息", "spo_list": [{"predicate": "临床表现", "subject": "哮喘", "object": "喘息"}]}""", "spo_list")]
    public async Task A_cblue_record_of_another_shape_is_rejected_naming_its_field(string format, string record, string field)
    {
        using var dir = new TempDirectory();
        var path = dir.File("records.json");
        await File.WriteAllTextAsync(path, format == "cmeie" ? record + "\n" : "[" + record + "]"); // CMeIE is JSON Lines
        var source = new SourceDefinition { Name = format, Path = path, Format = new(format), Kind = "public" };
        var dataset = PublicItems.Pipeline().Datasets.Single(d => d.Name == format switch { "cmeee" => "CMeEE", "chip-cdee" => "CHIP-CDEE", _ => "CMeIE" });
        var read = Assert.Single(await ReadAll(source, path));

        var e = await Assert.ThrowsAsync<RecordRejectedException>(() => new PublicDatasetImporter(Extensions.Bundled.Formats).GenerateAsync(read.Record!, dataset, new GenerationContext { Seed = 1, PipelineVersion = "test" }));
        Assert.Equal(field, e.Field);
        Assert.Contains($"field '{field}', element 1", e.Message, StringComparison.Ordinal);
    }

    [ExternalDataFact("cblue-cmeee/CMeEE_dev*.json, cblue-chip-cdn/CHIP-CDN_dev*.json, cblue-chip-cdee/CHIP-CDEE_dev*.json, cblue-cmeie/CMeIE_dev*.json*")]
    public async Task The_cblue_dev_sets_import_whole_with_gold_spans_that_match_their_text()
    {
        var definition = PublicItems.Pipeline();
        PublicItems.PointPublicSourcesAt(definition, TestData.ExternalFolder!);
        foreach (var name in new[] { "CMeEE", "CHIP-CDN", "CHIP-CDEE", "CMeIE" })
        {
            var dataset = definition.Datasets.Single(d => d.Name == name);
            var source = definition.Sources.Single(s => s.Name == dataset.Inputs[0]);
            var records = 0;
            var rejects = new List<string>();
            foreach (var file in SourcePaths.Expand(source.Path))
            {
                await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, source, file, file))
                {
                    records++;
                    if (read.Reject is { } reject)
                    {
                        rejects.Add($"{reject.Record}: {reject.Reason}");
                    }
                }
            }

            var items = await PublicItems.LoadAsync(name, int.MaxValue, TestData.ExternalFolder!);
            Assert.True(rejects.Count == 0, $"{name}: {string.Join("\n", rejects.Take(10))}");
            Assert.True(records >= 300, $"{name}: only {records} records");
            Assert.Equal(records, items.Count);
            Assert.All(items, item => Assert.NotEmpty(item.Context!));
            Assert.All(items.SelectMany(i => i.Entities.Where(e => e.Start is not null).Select(e => (i.Context!, e))),
                x => Assert.Equal(x.e.Text, x.Item1[x.e.Start!.Value..x.e.End!.Value]));
        }
    }

    private static async Task<List<SourceRead>> ReadAll(SourceDefinition source, string path)
    {
        var list = new List<SourceRead>();
        await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, source, path, path))
        {
            list.Add(read);
        }

        return list;
    }
}
