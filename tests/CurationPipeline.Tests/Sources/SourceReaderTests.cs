using CurationPipeline.Composition;
using CurationPipeline.Core;
using CurationPipeline.Sources;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Sources;

public class SourceReaderTests
{
    internal static async Task<List<SourceRead>> ReadAll(SourceDefinition source, string path)
    {
        var list = new List<SourceRead>();
        await foreach (var r in SourceReader.ReadAsync(Extensions.Bundled.Formats, source, path, "raw/" + Path.GetFileName(path)))
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task Jsonl_broken_line_becomes_a_reject_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("notes.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"id": "n1", "patient_id": "p1", "text": "患者咳嗽三天", "department": "Respiratory Medicine"}""",
            """{"id": "n2", "text": "broken""",
            """{"id": "n3"}""",
            "[1, 2]",
            "",
            """{"id": "n5", "text": "发热", "tags": ["a", "b"], "score": 3}""",
        ]);
        var source = new SourceDefinition { Name = "ehr", Path = path, Format = new("jsonl"), Kind = "ehr" };

        var reads = await ReadAll(source, path);

        Assert.Equal(5, reads.Count);
        Assert.Equal(["n1", "n5"], reads.Where(r => r.Record is not null).Select(r => r.Record!.RecordId));
        var bad = reads.Where(r => r.Reject is not null).Select(r => r.Reject!).ToList();
        Assert.All(bad, r => Assert.Equal("raw/notes.jsonl", r.File));
        Assert.Equal("line 2", bad[0].Record);
        Assert.Contains("not valid JSON", bad[0].Reason, StringComparison.Ordinal);
        Assert.Equal("n3", bad[1].Record);
        Assert.Equal("text", bad[1].Field);
        Assert.Contains("not an object", bad[2].Reason, StringComparison.Ordinal);
        var first = reads[0].Record!;
        Assert.Equal("p1", first.PatientKey);
        Assert.Equal("Respiratory Medicine", first.Field("department"));
        Assert.Equal("""["a", "b"]""", reads[4].Record!.Field("tags"));
        Assert.Equal("3", reads[4].Record!.Field("score"));
    }

    [Fact]
    public async Task Csv_with_quotes_newlines_and_a_short_row()
    {
        using var dir = new TempDirectory();
        var path = dir.File("drugs.csv");
        await File.WriteAllTextAsync(path, "id,name,text\nd1,阿司匹林,\"抗血小板, 解热\"\"镇痛\"\"\n第二行\"\nd2,only-two\nd3,布洛芬,解热镇痛\n");
        var source = new SourceDefinition { Name = "drugs", Path = path, Format = new("csv"), Kind = "drug" };

        var reads = await ReadAll(source, path);

        Assert.Equal(3, reads.Count);
        Assert.Equal("抗血小板, 解热\"镇痛\"\n第二行", reads[0].Record!.Text);
        Assert.Equal("row 2", reads[1].Reject!.Record);
        Assert.Contains("has 2 fields, the header has 3", reads[1].Reject!.Reason, StringComparison.Ordinal);
        Assert.Equal("d3", reads[2].Record!.RecordId);
    }

    [Fact]
    public async Task Gb18030_csv_is_decoded()
    {
        using var dir = new TempDirectory();
        var path = dir.File("dialogue.csv");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(path, System.Text.Encoding.GetEncoding("GB18030").GetBytes("department,ask\n心血管科,高血压患者能吃党参吗？\n"));
        var source = new SourceDefinition { Name = "d", Path = path, Format = new("csv"), Kind = "dialogue", TextField = "ask", Encoding = "gb18030" };

        var reads = await ReadAll(source, path);

        Assert.Equal("高血压患者能吃党参吗？", Assert.Single(reads).Record!.Text);
    }

    [Fact]
    public async Task Json_array_broken_midway_keeps_the_records_before_and_reports_where()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cmeee.json");
        await File.WriteAllTextAsync(path, """[{"text": "a", "entities": []}, {"text": "b", "entities": [}""");
        var source = new SourceDefinition { Name = "cmeee", Path = path, Format = new("cmeee"), Kind = "public" };

        var reads = await ReadAll(source, path);

        Assert.Equal("a", reads[0].Record!.Text);
        Assert.Equal("cmeee", reads[0].Record!.Format.Code);
        Assert.Equal(2, reads.Count);
        Assert.Contains("not valid JSON", reads[1].Reject!.Reason, StringComparison.Ordinal);
        Assert.Contains("after record 1", reads[1].Reject!.Reason, StringComparison.Ordinal);
        Assert.Equal("index 1", reads[1].Reject!.Record);
    }

    [Fact]
    public async Task Large_json_array_streams_across_buffer_boundaries()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.json");
        var elements = Enumerable.Range(0, 3000).Select(i => $$"""{"text": "{{new string('症', i % 97)}}记录{{i}}", "normalized_result": "术语{{i}}"}""");
        await File.WriteAllTextAsync(path, "[\n" + string.Join(",\n", elements) + "\n]");
        var source = new SourceDefinition { Name = "cdn", Path = path, Format = new("chip-cdn"), Kind = "public" };

        var reads = await ReadAll(source, path);

        Assert.Null(reads.FirstOrDefault(r => r.Reject is not null).Reject?.Reason);
        Assert.Equal(3000, reads.Count);
        Assert.Equal("术语2999", reads[^1].Record!.Field("normalized_result"));
        Assert.EndsWith("记录1234", reads[1234].Record!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vendored_public_samples_read_in_their_native_formats()
    {
        // CMExam: UTF-8 CSV, all options of a question in one cell; Toyhom: GB18030 CSV, quoted fields holding commas and a line break.
        var cmexam = TestData.Sample("cmexam/val.sample500.csv");
        var toyhom = TestData.Sample("toyhom-med-dialogue/IM_neike_sample.csv");

        var exam = await ReadAll(new SourceDefinition { Name = "cmexam", Path = cmexam, Format = new("cmexam"), Kind = "public" }, cmexam);
        var dialogues = await ReadAll(new SourceDefinition { Name = "toyhom", Path = toyhom, Format = new("csv"), Kind = "dialogue", TextField = "ask", Encoding = "gb18030" }, toyhom);

        Assert.Equal(500, exam.Count(r => r.Record is not null));
        Assert.StartsWith("上消化道出血", exam[0].Record!.Text, StringComparison.Ordinal);
        Assert.Equal("C", exam[0].Record!.Field("Answer"));
        Assert.Equal(555, dialogues.Count(r => r.Record is not null));
        Assert.DoesNotContain(dialogues, r => r.Reject is not null);
        Assert.Equal("心血管科", dialogues[0].Record!.Field("department"));
        Assert.Equal(11, dialogues.Select(r => r.Record!.Field("department")).Distinct().Count());
    }
}
