using System.Text;
using System.Text.Json.Nodes;
using CurationPipeline.Deidentification;
using CurationPipeline.Testing;

namespace CurationPipeline.Tests.Deidentification;

public sealed class JsonlDeidentificationTests
{
    [Fact]
    public async Task Writes_each_record_deidentified_keeps_other_fields_and_lists_bad_lines()
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":1,"patient_id":"A","text":"患者张三于2023年3月5日入院。","dept":"呼吸科"}""",
            """{"id":2,"patient_id":"A","text":"患者张三于2023年3月8日出院。"}""",
            "{not json 张三",
            """{"id":4,"text":42}""",
            """["张三"]""",
            "",
            """{"id":7,"note":"患者李四"}""",
            """{"id":8,"patient_id":9,"text":"Patient John Smith, MRN: 12345678."}""",
        ]);
        var output = dir.File("out/out.jsonl");
        var deid = new Deidentifier(new DeidOptions());

        var summary = await JsonlDeidentification.RunAsync(input, output, deid, new JsonlDeidOptions());

        Assert.Equal(8, summary.LinesRead);
        Assert.Equal(3, summary.Written);
        Assert.Equal([(3, "not valid JSON"), (4, "field 'text' is not a string"), (5, "not a JSON object"), (7, "missing field 'text'")],
            summary.Rejects.Select(r => (r.Line, r.Reason)));
        Assert.All(summary.Rejects, r => Assert.DoesNotContain("张三", r.Reason, StringComparison.Ordinal));
        Assert.Equal(3, summary.Found[PhiCategory.Name]);
        Assert.Equal(3, summary.WithFindings);

        var lines = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal([1, 2, 8], lines.Select(l => l["id"]!.GetValue<int>()));
        Assert.Equal("呼吸科", lines[0]["dept"]!.GetValue<string>());
        var first = lines[0]["text"]!.GetValue<string>();
        var second = lines[1]["text"]!.GetValue<string>();
        Assert.DoesNotContain("张三", first + second);
        // Same patient key: the same surrogate name, and the 3-day interval survives.
        var name = first[2..first.IndexOf('于')];
        Assert.StartsWith("患者" + name + "于", second);
        Assert.Equal(3, ParseZhDate(second).DayNumber - ParseZhDate(first).DayNumber);
    }

    [Fact]
    public async Task Field_names_are_configurable()
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.jsonl");
        await File.WriteAllTextAsync(input, """{"note":"Call (555) 123-4567.","mrn":"X1"}""" + "\n");
        var summary = await JsonlDeidentification.RunAsync(input, dir.File("out.jsonl"), new Deidentifier(new DeidOptions { Mode = DeidMode.Mask }),
            new JsonlDeidOptions { TextField = "note", PatientKeyField = "mrn" });
        Assert.Equal(1, summary.Written);
        Assert.Equal("Call [PHONE].", JsonNode.Parse(await File.ReadAllTextAsync(dir.File("out.jsonl")))!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_input_names_the_file()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("notes.jsonl");
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            JsonlDeidentification.RunAsync(missing, dir.File("out.jsonl"), new Deidentifier(new DeidOptions()), new JsonlDeidOptions()));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.jsonl")));
    }

    [Fact]
    public async Task Bad_records_are_rejected_with_line_and_reason_and_the_others_are_written()
    {
        using var dir = new TempDirectory();
        var input = dir.File("in.jsonl");
        var good = Encoding.UTF8.GetBytes("""{"id":1,"text":"患者张三于2023年3月5日入院。"}""" + "\n");
        var invalidUtf8 = Encoding.UTF8.GetBytes("""{"id":2,"text":"患者""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        var huge = Encoding.UTF8.GetBytes("""{"id":3,"text":" """ + new string('咳', 400_000) + "\"}\n");
        var cyrillic = Encoding.UTF8.GetBytes("""{"id":4,"text":"Пациент Иванов Иван"}""" + "\n");
        var empty = Encoding.UTF8.GetBytes("""{"id":5,"text":""}""" + "\n");
        await File.WriteAllBytesAsync(input, [.. good, .. invalidUtf8, .. huge, .. cyrillic, .. empty, .. good]);

        var output = dir.File("out.jsonl");
        var summary = await JsonlDeidentification.RunAsync(input, output, new Deidentifier(new DeidOptions { Mode = DeidMode.Mask }),
            new JsonlDeidOptions { MaxRecordBytes = 1 << 20 });

        Assert.Equal(6, summary.LinesRead);
        Assert.Equal(2, summary.Written);
        Assert.Equal([2, 3, 4, 5], summary.Rejects.Select(r => r.Line));
        Assert.Contains("invalid UTF-8", summary.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("over the limit of 1048576 bytes", summary.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("no Chinese or Latin letters", summary.Rejects[2].Reason, StringComparison.Ordinal);
        Assert.Equal("field 'text' is empty", summary.Rejects[3].Reason);
        Assert.All(summary.Rejects, r => Assert.DoesNotContain("Иванов", r.Reason, StringComparison.Ordinal));
        Assert.All(await File.ReadAllLinesAsync(output), l => Assert.Equal("患者[NAME]于[DATE]入院。", JsonNode.Parse(l)!["text"]!.GetValue<string>()));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    private static DateOnly ParseZhDate(string s)
    {
        var m = System.Text.RegularExpressions.Regex.Match(s, @"(\d{4})年(\d{1,2})月(\d{1,2})日");
        return new DateOnly(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
