using System.Globalization;
using System.Text.Json;
using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Departments;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using CurationPipeline.Sources;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Calibration;

namespace CurationPipeline.Tests.Departments;

public sealed class OfflineTaggerTests
{
    private static readonly OfflineDepartmentTagger Tagger = OfflineDepartmentTagger.Load(new ReferenceData(RepoPaths.Raw));

    [Theory]
    [InlineData("牙疼好几天了，牙龈也肿了，吃饭都困难", "Stomatology")]
    [InlineData("最近总是心慌胸闷，血压也偏高，需要做心电图吗", "Cardiology")]
    [InlineData("孩子出生第三天皮肤发黄，新生儿黄疸要不要照蓝光", "Neonatology")]
    [InlineData("怀孕32周了，产检发现血糖偏高", "Obstetrics")]
    [InlineData("膝盖扭伤后一直疼，上下楼梯更明显，是不是半月板损伤", "Orthopedic Surgery")]
    [InlineData("脸上长了很多痘痘，又红又痒", "Dermatology")]
    [InlineData("最近情绪低落，晚上失眠，对什么都提不起兴趣", "Psychiatry Dept.")]
    public void Tags_clinical_questions_with_the_right_department_first(string text, string expected)
    {
        var tags = Tagger.Tag(text);
        Assert.Equal(expected, tags[0]);
        Assert.InRange(tags.Count, 1, 3);
        Assert.Empty(DepartmentRules.Check(tags));
    }

    [Theory]
    [InlineData("今天天气怎么样？")]
    [InlineData("帮我写一首关于春天的诗")]
    public void Non_clinical_queries_get_no_department_alone(string text) => Assert.Equal(["No Department"], Tagger.Tag(text));

    [Fact]
    public async Task The_stage_tags_only_marked_datasets_and_rejects_answers_that_break_the_rules()
    {
        var stage = new TaggingStage(Tagger, new HashSet<string> { "MAGuidance" });
        var item = CalibrationFixtures.Choice() with { Dataset = "MAGuidance", Question = "牙疼好几天了，应该挂哪个科？" };
        Assert.True(stage.AppliesTo(item));
        Assert.False(stage.AppliesTo(item with { Dataset = "CMExam" }));
        var tagged = await stage.ProcessAsync(item);
        Assert.Equal("Stomatology", tagged.Departments[0]);
        Assert.Equal("tag", stage.Name);

        var broken = new TaggingStage(new FixedTagger(["Cardiology", "Neurology", "Nephrology", "Hematology"]), new HashSet<string> { "MAGuidance" });
        var e = await Assert.ThrowsAsync<ItemInvalidException>(() => broken.ProcessAsync(item));
        Assert.Equal("departments", e.Field);
        Assert.Contains(item.Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_training_file_holds_only_even_position_records_so_the_odd_ones_stay_held_out()
    {
        // train.tsv is derived (raw/departments/derive_training.py) from the samples vendored under tests/data/external;
        // positions count, per source, the records with a department label. Each excerpt must be the text of the
        // record at its position, so that the positions checked are those of the file it came from.
        var records = TrainingFile.ReadRecords(new ReferenceData(RepoPaths.Raw)).ToList();
        Assert.InRange(records.Count, 100, 2000);
        Assert.All(records, r => Assert.True(r.Text.Length <= 100));

        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Sample("cmtmedqa/CMtMedQA_test.sample.json")));
        var cmtmedqa = doc.RootElement.EnumerateArray().Where(r => r.TryGetProperty("cate1", out _))
            .Select((r, i) => (Id: r.GetProperty("id").GetString()!, Position: i, Text: FirstTurn(r))).ToDictionary(x => x.Id);
        var toyhomPath = TestData.Sample("toyhom-med-dialogue/IM_neike_sample.csv");
        var toyhom = new List<string>();
        await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, new SourceDefinition { Name = "toyhom", Path = toyhomPath, Format = new("csv"), Kind = "dialogue", TextField = "ask", Encoding = "gb18030" }, toyhomPath, toyhomPath))
        {
            toyhom.Add(read.Record!.Field("title") + "。" + read.Record!.Text);
        }

        Assert.Equal(621, cmtmedqa.Count);
        Assert.Equal(555, toyhom.Count);
        Assert.Equal(["cmtmedqa", "toyhom"], records.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        foreach (var r in records)
        {
            var (position, text) = r.Source == "cmtmedqa"
                ? (cmtmedqa[r.Record].Position, cmtmedqa[r.Record].Text)
                : (int.Parse(r.Record, CultureInfo.InvariantCulture), toyhom[int.Parse(r.Record, CultureInfo.InvariantCulture)]);
            Assert.True(position % 2 == 0, $"{r.Source} {r.Record} is at odd position {position}");
            Assert.Equal(Excerpt(text), r.Text);
        }
    }

    private static string FirstTurn(JsonElement record)
    {
        var history = record.GetProperty("history");
        return history.GetArrayLength() > 0 ? history[0][0].GetString()! : record.GetProperty("instruction").GetString()!;
    }

    // As derive_training.py: whitespace runs become one space, cut to 100 characters.
    private static string Excerpt(string text)
    {
        var joined = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return joined.Length <= 100 ? joined : joined[..100];
    }

    private sealed class FixedTagger(IReadOnlyList<string> tags) : IDepartmentTagger
    {
        public string Name => "fixed";

        public Task<IReadOnlyList<string>> TagAsync(BenchmarkItem item, CancellationToken cancellationToken = default) => Task.FromResult(tags);
    }
}
