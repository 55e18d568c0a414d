using System.Text.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Paradigms.EhrExtraction;
using CurationPipeline.Synthesis;
using CurationPipeline.Testing;
using CurationPipeline.Tests.Paradigms;

namespace CurationPipeline.Tests.Synthesis;

public sealed partial class RawSynthesizerTests
{
    [Fact]
    public async Task WriteAsync_writes_the_count_atomically_and_leaves_no_temp_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out/dialogues.jsonl");
        Assert.Equal(7, await RawSynthesizer.WriteAsync("dialogues", 7, path, 99, RawFiles.Reference));
        Assert.Equal(7, File.ReadAllLines(path).Length);
        Assert.Equal(["dialogues.jsonl"], Directory.GetFiles(dir.File("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_larger_count_extends_a_smaller_one_and_the_seed_matters()
    {
        var five = RawSynthesizer.Lines("ehr", 5, 3, RawFiles.Reference).ToList();
        Assert.Equal(five, RawSynthesizer.Lines("ehr", 12, 3, RawFiles.Reference).Take(5));
        Assert.NotEqual(five, RawSynthesizer.Lines("ehr", 5, 4, RawFiles.Reference));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_with_the_known_ones()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => RawSynthesizer.WriteAsync("xrays", 1, "x.jsonl", 1, RawFiles.Reference));
        Assert.StartsWith("unknown raw kind 'xrays'; use one of reports, ehr, dialogues, inpatient", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_plant_personal_data_and_flag_an_abnormal_finding()
    {
        foreach (var line in RawSynthesizer.Lines("reports", 40, RawSynthesizer.BundledSeed, RawFiles.Reference))
        {
            var r = RawFiles.JsonRow(line);
            Assert.Matches(@"姓名：\p{IsCJKUnifiedIdeographs}{2,4}", r["text"]);
            Assert.Matches(@"病历号：(ZY|MZ)\d{10}", r["text"]);
            Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日", r["text"]);
            using var findings = JsonDocument.Parse(r["findings"]);
            Assert.Contains(findings.RootElement.EnumerateArray(), f => f.GetProperty("flag").GetString() is "H" or "L");
        }
    }

    [Fact]
    public void Inpatient_bundles_carry_valid_resident_id_numbers()
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        foreach (var line in RawSynthesizer.Lines("inpatient", 30, RawSynthesizer.BundledSeed, RawFiles.Reference))
        {
            var id = IdNumber().Match(RawFiles.JsonRow(line)["text"]).Groups[1].Value;
            var sum = id[..17].Select((c, i) => (c - '0') * weights[i]).Sum();
            Assert.Equal("10X98765432"[sum % 11], id[17]);
        }
    }

    [Fact]
    public void Dialogues_never_name_their_diagnosis_and_order_their_examinations()
    {
        foreach (var line in RawSynthesizer.Lines("dialogues", 120, RawSynthesizer.BundledSeed, RawFiles.Reference))
        {
            var r = RawFiles.JsonRow(line);
            Assert.DoesNotContain(r["diagnosis"], r["text"], StringComparison.Ordinal);
            var exams = JsonSerializer.Deserialize<string[]>(r["examinations"])!;
            Assert.NotEmpty(exams);
            Assert.All(exams, e => Assert.Contains(e, r["text"], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_note_holds_entities_of_all_four_types()
    {
        var matcher = LexiconMatcher.For(RawFiles.Reference);
        foreach (var line in File.ReadLines(Path.Combine(RawFiles.Raw, "ehr", "notes.jsonl")))
        {
            var types = matcher.Match(RawFiles.JsonRow(line)["text"]).Select(m => m.Type).ToHashSet();
            Assert.True(ExtractionEntityTypes.All.All(types.Contains), line[..40]);
        }
    }

    [GeneratedRegex(@"身份证号：(\d{17}[\dX])")]
    private static partial Regex IdNumber();
}
