using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

public class SynthAndDeidTests
{
    [Fact]
    public async Task Synthesised_notes_are_deidentified_consistently_and_keep_other_fields()
    {
        using var dir = new TempDirectory();
        var (synthExit, _) = await CliHarness.RunAsync("synth", "ehr", "--count", "20", "--out", dir.Path, "--seed", "5",
            "--knowledge", CliHarness.RepoFile("raw/knowledge"));
        Assert.Equal(0, synthExit);
        var original = File.ReadAllLines(dir.File("ehr.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(20, original.Count);

        var (exit, output) = await CliHarness.RunAsync("deid", "--in", dir.File("ehr.jsonl"), "--out", dir.File("ehr.deid.jsonl"));

        Assert.Equal(0, exit);
        Assert.Contains("20 lines read, 20 written", output, StringComparison.Ordinal);
        var deid = File.ReadAllLines(dir.File("ehr.deid.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(original[i].GetProperty("id").GetString(), deid[i].GetProperty("id").GetString());
            Assert.Equal(original[i].GetProperty("department").GetString(), deid[i].GetProperty("department").GetString());
            var name = NameIn(original[i].GetProperty("text").GetString()!);
            Assert.DoesNotContain(name, deid[i].GetProperty("text").GetString()!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Gold_evaluation_reports_recall_and_precision_per_category()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, (await CliHarness.RunAsync("synth", "phi-notes", "--count", "40", "--out", dir.Path, "--seed", "11")).Exit);

        var (exit, output) = await CliHarness.RunAsync("deid", "--gold", dir.File("phi-notes.jsonl"), "--out", dir.File("eval.md"));

        Assert.Equal(0, exit);
        Assert.Contains("| IdNumber |", output, StringComparison.Ordinal);
        Assert.Contains("| all |", output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(File.ReadAllText(dir.File("eval.json"))).RootElement;
        Assert.Equal(40, json.GetProperty("notes").GetInt32());
    }

    [Fact]
    public async Task Deid_without_input_is_a_usage_error()
    {
        var (exit, output) = await CliHarness.RunAsync("deid");

        Assert.Equal(2, exit);
        Assert.Contains("--in FILE --out FILE", output, StringComparison.Ordinal);
    }

    private static string NameIn(string text)
    {
        var start = text.IndexOf("姓名：", StringComparison.Ordinal) + 3;
        var end = text.IndexOfAny(['\u3000', ' ', '\n'], start);
        return text[start..end];
    }
}
