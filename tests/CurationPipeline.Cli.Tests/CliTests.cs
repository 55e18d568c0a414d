using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

public class CliTests
{
    internal static string WritePipeline(TempDirectory dir, string? datasetsOverride = null)
    {
        File.WriteAllLines(dir.File("exam.csv"),
        [
            "Question,Options,Answer,Explanation",
            "夜间阵发性呼吸困难，可见于,A 急性脑血管疾病\\nB 癔病\\nC 急性感染所致的毒血症\\nD 慢性阻塞性肺气肿\\nE 左心功能不全,E,左心衰",
            "缺一列的记录,A 甲\\nB 乙,A",
            "上消化道出血表现取决于,A 原发病\\nB 出血部位\\nC 出血量\\nD 在胃内停留时间\\nE 以上均非,C,出血量",
        ]);
        var datasets = datasetsOverride ?? "  - { name: CMExam, primary: FundCap, secondary: MedKQA, task: Med. Knowledge, paradigm: public, source: public, type: multiple-choice, scoring: accuracy, target_n: 2, inputs: [exam] }";
        File.WriteAllText(dir.File("demo.yaml"), $"""
            name: demo
            sources:
              - {"{"} name: exam, path: exam.csv, format: cmexam, kind: public {"}"}
            datasets:
            {datasets}
            """);
        return dir.File("demo.yaml");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("inspect")]
    [InlineData("sample")]
    [InlineData("synth")]
    [InlineData("deid")]
    public async Task Every_command_has_help(string command)
    {
        var (exit, output) = await CliHarness.RunAsync(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipeline_with_a_typo_exits_2_naming_file_line_and_key()
    {
        using var dir = new TempDirectory();
        var pipeline = WritePipeline(dir);
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("target_n", "targt_n", StringComparison.Ordinal));

        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"));

        Assert.Equal(2, exit);
        Assert.Contains("demo.yaml:5: datasets[0].targt_n: unknown key", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task Unknown_arguments_and_conflicting_options_exit_2()
    {
        using var dir = new TempDirectory();
        var pipeline = WritePipeline(dir);

        Assert.Equal(2, (await CliHarness.RunAsync("run", pipeline, "--bogus")).Exit);
        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--offline", "--endpoints", dir.File("e.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("exclude each other", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_record_goes_to_rejects_and_the_rest_reaches_pool_and_split()
    {
        using var dir = new TempDirectory();
        var pipeline = WritePipeline(dir);

        var (exit, output) = await CliHarness.RunAsync("run", pipeline, "--out", dir.File("out"));

        Assert.True(exit is 0 or 1, output);
        var reject = JsonDocument.Parse(Assert.Single(File.ReadAllLines(dir.File("out/rejects.jsonl")))).RootElement;
        Assert.Equal("row 2", reject.GetProperty("record").GetString());
        Assert.Equal("exam.csv", Path.GetFileName(reject.GetProperty("file").GetString()));
        Assert.Contains("fields", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var run = JsonDocument.Parse(File.ReadAllText(dir.File("out/run.json"))).RootElement;
        Assert.Equal(2, run.GetProperty("pool_items").GetInt64());
        Assert.True(run.GetProperty("counts_balanced").GetBoolean());
        Assert.Equal(1, exit); // one reject of three records is above the default 5% threshold
        Assert.Contains("counts balanced: yes", output, StringComparison.Ordinal);

        var (inspectExit, inspect) = await CliHarness.RunAsync("inspect", dir.File("out/pool.parquet"));
        Assert.Equal(0, inspectExit);
        Assert.Contains("2 rows", inspect, StringComparison.Ordinal);
        Assert.Contains("CMExam", inspect, StringComparison.Ordinal);
        Assert.Contains("options", inspect, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_of_a_missing_or_corrupt_file_exits_2_with_the_path()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.parquet"), "not parquet at all");

        var (missing, missingOut) = await CliHarness.RunAsync("inspect", dir.File("none.parquet"));
        var (corrupt, corruptOut) = await CliHarness.RunAsync("inspect", dir.File("bad.parquet"));

        Assert.Equal(2, missing);
        Assert.Contains("none.parquet", missingOut, StringComparison.Ordinal);
        Assert.Equal(2, corrupt);
        Assert.Contains("bad.parquet", corruptOut, StringComparison.Ordinal);
    }
}
