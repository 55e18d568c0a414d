using CurationPipeline.Core;
using CurationPipeline.Deduplication;
using CurationPipeline.Items;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Dedup;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Tests.Deduplication;

/// <summary>Near-duplicates planted into a small real sample are found; distinct items are not joined; the stage rejects what it should, naming what matched.</summary>
public sealed class DedupTests
{
    private static readonly DedupSettings Settings = new();

    [Fact]
    public async Task Planted_near_duplicates_in_a_real_cmexam_sample_are_found_and_distinct_items_stay_apart()
    {
        // Distinct by a plain count, independent of the detector: no two share half their character trigrams (the sample
        // itself holds a few near-duplicates, e.g. one question written once with 重症 and once with 重证).
        var originals = new List<(string Question, IReadOnlyList<string> Options)>();
        var sets = new List<HashSet<string>>();
        foreach (var item in (await PlantedDuplicates.ReadCmExamAsync(TestData.Sample("cmexam/val.sample500.csv"))).Take(220))
        {
            var set = Trigrams(item.Question + string.Concat(item.Options.Order(StringComparer.Ordinal)));
            if (sets.All(s => (double)s.Intersect(set).Count() / s.Union(set).Count() < 0.5))
            {
                originals.Add(item);
                sets.Add(set);
            }
        }

        originals = originals.Take(200).ToList();
        var items = PlantedDuplicates.Plant(originals, seed: 5, fraction: 0.5);
        var kept = Deduplicator.Run([.. items.Select(i => DedupText.Of(i.Question, null, i.Options))], Settings);
        var score = PlantedScore.Of(items, kept);

        Assert.Equal(100, score.Planted);
        Assert.True(score.Recall >= 0.99, string.Join(", ", score.ByKind.Select(k => $"{k.Key} {k.Value}")));
        var joined = Enumerable.Range(0, items.Count).Where(i => items[i].Group != items[kept[i]].Group)
            .Select(i => $"{items[i].Question} [{string.Join("/", items[i].Options)}] ~ {items[kept[i]].Question} [{string.Join("/", items[kept[i]].Options)}]");
        Assert.True(score.FalseClusters == 0, string.Join("\n", joined));
        Assert.Equal(200 + score.Planted - score.Found, kept.Distinct().Count());
    }

    [Fact]
    public void Width_punctuation_and_spaces_are_normalised_and_options_compare_as_a_set()
    {
        var a = DedupText.Of("下列哪一项是达格列净的不良反应？", null, ["尿路感染", "口干", "皮肤坏死"]);
        var b = DedupText.Of("下列哪一项是达格列净的不良反应 ?", null, ["皮肤坏死", "尿路感染", "口干"]);
        var c = DedupText.Of("ＡＢＣ，１２３", null, []);

        Assert.Equal(a, b);
        Assert.Equal("abc123", c.Task);
    }

    [Fact]
    public async Task The_stage_keeps_the_first_item_and_rejects_the_same_question_asked_again_in_another_dataset()
    {
        var stage = new DedupStage(Settings, deduplicate: true, []);
        var first = Choice("a1", "MASafety", "下列哪一项是达格列净的不良反应？", ["尿路感染", "注射部位脂肪增生", "皮肤坏死", "口干", "口咽念珠菌病"]);
        var again = Choice("b1", "MAMedication", "下列哪一项是达格列净的不良反应？", ["胃黏膜损伤", "生殖器真菌感染", "异动症", "下颌骨坏死", "粒细胞缺乏"]);
        var reordered = Choice("a2", "MASafety", "二甲双胍最常见的不良反应是？", ["胃肠道反应", "低血糖", "乳酸酸中毒", "皮疹", "水肿"]);
        var reorderedCopy = reordered with { Id = "a3", Options = ["水肿", "皮疹", "乳酸酸中毒", "低血糖", "胃肠道反应"], Answer = "E" };
        var other = Choice("a4", "MASafety", "下列哪一项是阿莫西林的不良反应？", ["皮疹", "口干", "耳鸣", "便秘", "失眠"]);

        Assert.Same(first, await stage.ProcessAsync(first));
        var e = await Assert.ThrowsAsync<RecordRejectedException>(() => stage.ProcessAsync(again));
        Assert.Contains("item a1 in MASafety", e.Message, StringComparison.Ordinal);
        await stage.ProcessAsync(reordered);
        e = await Assert.ThrowsAsync<RecordRejectedException>(() => stage.ProcessAsync(reorderedCopy));
        Assert.Contains("duplicate of item a2 in the same dataset", e.Message, StringComparison.Ordinal);
        Assert.Same(other, await stage.ProcessAsync(other));

        var summary = stage.Report.Summary(Settings, []);
        Assert.Equal(5, summary.Checked);
        Assert.Equal(3, summary.Kept);
        Assert.Equal(1, summary.DuplicatesAcross);
        Assert.Equal(1, summary.DuplicatesWithin);
        Assert.Equal(["a1", "a2"], summary.ClusterList.Select(c => c.Kept));
        Assert.Equal("b1", summary.ClusterList[0].Duplicates.Single().Id);
    }

    [Fact]
    public async Task Two_tasks_on_one_note_are_not_duplicates_but_the_same_task_on_it_is()
    {
        var stage = new DedupStage(Settings, deduplicate: true, []);
        var note = "患者男，52岁，两天前开始夜尿增多，伴尿频、排尿困难。查体：直肠指检前列腺增大。予坦索罗辛治疗。";
        var symptoms = TestItems.Extraction("s1", "MAEESymp") with { Question = "请从以下病历中抽取所有症状实体。", Context = note, Answer = "夜尿增多；尿频；排尿困难" };
        var drugs = TestItems.Extraction("m1", "MAEEMedic") with { Question = "请从以下病历中抽取所有药物实体。", Context = note, Answer = "坦索罗辛" };
        var again = symptoms with { Id = "s2", Context = note.Replace("52岁", "53岁", StringComparison.Ordinal) };

        await stage.ProcessAsync(symptoms);
        await stage.ProcessAsync(drugs);
        await Assert.ThrowsAsync<RecordRejectedException>(() => stage.ProcessAsync(again));
    }

    [Fact]
    public async Task A_proprietary_item_matching_a_public_benchmark_record_is_rejected_naming_the_record()
    {
        var originals = await PlantedDuplicates.ReadCmExamAsync(TestData.Sample("cmexam/val.sample500.csv"));
        var records = originals.Take(50).Select((o, i) => new PublicRecord("val.sample500.csv", $"row-{i + 2}", DedupText.Of(o.Question, null, o.Options))).ToList();
        var stage = new DedupStage(Settings, deduplicate: true, [("cmexam", records)]);
        var copied = Choice("p1", "MAExam", originals[7].Question + "。", [.. originals[7].Options.Reverse()]);
        var imported = copied with { Id = "c1", Dataset = "CMExam", SourceKind = SourceKind.Public };

        var e = await Assert.ThrowsAsync<RecordRejectedException>(() => stage.ProcessAsync(copied));
        Assert.Contains("public benchmark 'cmexam' record row-9 (val.sample500.csv)", e.Message, StringComparison.Ordinal);
        Assert.Same(imported, await stage.ProcessAsync(imported));
        var summary = stage.Report.Summary(Settings, []);
        Assert.Equal(1, summary.Contaminated["cmexam"]);
        Assert.Equal(50, summary.AgainstRecords["cmexam"]);
        Assert.Equal("row-9", summary.ContaminationList.Single().Record);
    }

    private static HashSet<string> Trigrams(string text)
    {
        var letters = new string([.. text.Where(char.IsLetterOrDigit)]);
        return [.. Enumerable.Range(0, Math.Max(1, letters.Length - 2)).Select(i => letters.Substring(i, Math.Min(3, letters.Length - i)))];
    }

    private static BenchmarkItem Choice(string id, string dataset, string question, IReadOnlyList<string> options) =>
        TestItems.Choice(id, dataset) with { Question = question, Options = options };
}
