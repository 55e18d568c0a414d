using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Departments;
using CurationPipeline.Items;
using CurationPipeline.Reference;
using CurationPipeline.Sources;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Departments;

/// <summary>CMExam's annotated split names a clinical department per question; the tagger keeps to it.</summary>
public sealed class SourceDepartmentTests
{
    private static readonly OfflineDepartmentTagger Tagger = OfflineDepartmentTagger.Load(new ReferenceData(RepoPaths.Raw));

    [Fact]
    public async Task The_department_cmexam_names_limits_the_tags_and_is_their_evidence()
    {
        // Columns of CMExam's test_with_annotations.csv (the validation split has no department column).
        var csv = "Question,Options,Answer,Explanation,Disease Group,Area of Competency,Clinical Department,Medical Discipline,Difficulty level\n"
            + "\"患者反复胸痛3天，心电图示ST段抬高，最可能的诊断是\",\"A 急性心肌梗死\nB 气胸\nC 胃食管反流\",A,解释,循环系统疾病,疾病诊断和鉴别诊断,内科,临床医学,3\n"
            + "\"牙龈出血最常见的原因是\",\"A 牙周炎\nB 白血病\nC 维生素C缺乏\",A,解释,口腔疾病,疾病诊断和鉴别诊断,眼科,临床医学,2\n"
            + "\"医师在执业活动中应遵守的义务是\",\"A 遵守法律\nB 自行停诊\",A,解释,不符合,公卫法律伦理,不符合,临床医学,1\n"
            + "\"关于针灸的说法正确的是\",\"A 针刺足三里\nB 艾灸\",A,解释,不符合,医学基础知识,中医科,中医学,1\n";
        using var dir = new TempDirectory();
        var path = dir.File("test_with_annotations.csv");
        await File.WriteAllTextAsync(path, csv);
        var definition = PipelineLoader.Load(RepoPaths.File("pipelines/mlb.yaml"));
        var source = definition.Sources.Single(s => s.Name == "cmexam");
        var dataset = definition.Datasets.Single(d => d.Name == "CMExam");
        var items = new List<BenchmarkItem>();
        await foreach (var read in SourceReader.ReadAsync(Extensions.Bundled.Formats, source, path, "cmexam/test_with_annotations.csv"))
        {
            items.AddRange(await new PublicDatasetImporter(Extensions.Bundled.Formats).GenerateAsync(read.Record!, dataset, new GenerationContext { Seed = 1, PipelineVersion = "test" }));
        }

        Assert.Equal("内科", items[0].Attributes[DepartmentSpread.SourceDepartmentAttribute]);
        var tags = new List<DepartmentTagging>();
        foreach (var item in items)
        {
            tags.Add(await Tagger.TagAsync(item));
        }

        // 内科 allows any Internal Medicine secondary: the text chooses Cardiology, and the label joins its evidence.
        Assert.Equal("Cardiology", tags[0].Departments[0]);
        Assert.All(tags[0].Departments, d => Assert.Equal("Internal Medicine", DepartmentCatalog.Find(d)!.Primary));
        Assert.Contains("内科", tags[0].Evidence[0].Words);
        Assert.Equal("offline:lexicon+cnb+source", tags[0].Engine);

        // The text speaks of teeth, the source says 眼科: the source's department, with its label as the evidence.
        Assert.Equal(["Ophthalmology"], tags[1].Departments);
        Assert.Equal(["眼科"], tags[1].Evidence[0].Words);

        // 不符合 (not applicable) is No Department; 中医科 has no counterpart in Table 2, so the text decides alone.
        Assert.Equal([DepartmentCatalog.NoDepartment], tags[2].Departments);
        Assert.Equal("offline:lexicon+cnb", tags[3].Engine);
    }
}
