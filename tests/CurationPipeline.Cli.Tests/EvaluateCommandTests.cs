using System.Text.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;
using CurationPipeline.Testing.Items;

namespace CurationPipeline.Cli.Tests;

/// <summary>`curate evaluate` and `curate judge-agreement` end to end, with files a user would open.</summary>
public sealed partial class EvaluateCommandTests
{
    [Theory]
    [InlineData("evaluate")]
    [InlineData("judge-agreement")]
    public async Task The_commands_have_help(string command)
    {
        var (exit, output) = await CliHarness.RunAsync(command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_maturity_scenario_set_evaluates_offline_and_duckdb_reads_the_results()
    {
        using var dir = new TempDirectory();
        var (exit, output) = await CliHarness.RunAsync("evaluate", "--split", CliHarness.RepoFile("tests/data/maturity-set/scenarios.yaml"),
            "--models", "offline:knowledge-retrieval,offline:reference-overlap", "--knowledge", CliHarness.RepoFile("raw"),
            "--out", dir.Path, "--trials", "2");

        Assert.True(exit == 0, output);
        foreach (var file in new[] { "results.parquet", "summary.md", "summary.json", "disputes.jsonl", "report.html" })
        {
            Assert.True(File.Exists(dir.File(file)), file);
        }

        var rows = await DuckDb.QueryAsync($"SELECT model, engine, CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT trial) AS INTEGER) AS trials, CAST(count(DISTINCT item_id) AS INTEGER) AS items FROM {DuckDb.Literal(dir.File("results.parquet"))} GROUP BY ALL ORDER BY model");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(60, r.GetProperty("n").GetInt32());
            Assert.Equal(2, r.GetProperty("trials").GetInt32());
            Assert.Equal(30, r.GetProperty("items").GetInt32());
            Assert.Equal(r.GetProperty("model").GetString(), r.GetProperty("engine").GetString());
        });
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        Assert.Equal(["L0", "L1", "L2", "L3", "L4"], summary.RootElement.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("| Model | Average | L0 | L1 | L2 | L3 | L4 |", File.ReadAllText(dir.File("summary.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_models_are_evaluated_over_http_and_a_rerun_is_served_from_the_cache()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Models = ["letter-a"];
        server.Responder = _ => TestReply.Text("答案：A");
        using var dir = new TempDirectory();
        var items = Enumerable.Range(0, 20).Select(i => ItemRow.From(TestItems.Choice($"q{i}", "MAExam") with
        {
            Question = $"问题{i}", Options = ["甲" + i, "乙" + i, "丙" + i, "丁" + i, "戊" + i], Answer = AnswerLetters.Letter(i % 5).ToString(),
        }));
        await ParquetSerializer.WriteAsync(dir.File("split.parquet"), items);
        File.WriteAllText(dir.File("endpoints.yaml"), $"endpoints:\n  - name: letter-a\n    base_url: {server.BaseUrl}\n    model: letter-a\n    temperature: 0\n");
        string[] args = ["evaluate", "--split", dir.File("split.parquet"), "--models", "letter-a", "--endpoints", dir.File("endpoints.yaml"), "--out", dir.File("out"), "--cache", dir.File("cache.db")];

        var (exit, output) = await CliHarness.RunAsync(args);
        Assert.True(exit == 0, output);
        Assert.Equal(60, server.ChatRequests);
        Assert.Contains("llm:letter-a@letter-a", output, StringComparison.Ordinal);
        var (again, output2) = await CliHarness.RunAsync(args);
        Assert.True(again == 0, output2);
        Assert.Equal(60, server.ChatRequests);
        Assert.Contains("cache hits 60", output2, StringComparison.Ordinal);
        var score = await DuckDb.QueryAsync($"SELECT avg(final_score) AS s FROM {DuckDb.Literal(dir.File("out/results.parquet"))}");
        Assert.True(score[0].GetProperty("s").GetDouble() <= 0.1);
    }

    [Fact]
    public async Task An_unknown_model_is_a_usage_error_naming_it()
    {
        using var dir = new TempDirectory();
        var (exit, output) = await CliHarness.RunAsync("evaluate", "--split", CliHarness.RepoFile("tests/data/maturity-set/scenarios.yaml"), "--models", "gpt-9", "--out", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains("gpt-9", output, StringComparison.Ordinal);
        Assert.Contains("--endpoints", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_whose_answer_is_no_option_fails_before_any_call_naming_file_item_and_field()
    {
        using var dir = new TempDirectory();
        var bad = ItemRow.From(TestItems.Choice("bad-1", "MAExam") with { Options = ["x", "y", "z"], Answer = "Q" });
        await ParquetSerializer.WriteAsync(dir.File("bad.parquet"), [bad]);

        var (exit, output) = await CliHarness.RunAsync("evaluate", "--split", dir.File("bad.parquet"), "--models", "offline:lexical-overlap", "--out", dir.File("out"));

        Assert.Equal(2, exit);
        Assert.Contains("bad.parquet", output, StringComparison.Ordinal);
        Assert.Contains("bad-1", output, StringComparison.Ordinal);
        Assert.Contains("answer", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/results.parquet")));
    }

    [Fact]
    public async Task Judge_agreement_prints_table_5_figures_and_exports_the_decided_disputes()
    {
        using var dir = new TempDirectory();
        // TP 2, FP 1, FN 1, TN 1 over 5 shared cases: accuracy 0.6, precision = recall = F1 = 2/3,
        // p_e = 0.6*0.6 + 0.4*0.4 = 0.52, kappa = (0.6 - 0.52) / 0.48 = 1/6.
        File.WriteAllLines(dir.File("judge.jsonl"),
        [
            """{"id":"a","verdict":true}""", """{"id":"b","verdict":"pass"}""", """{"id":"c","score":0.9}""", """{"id":"d","verdict":false}""",
            """{"id":"e","score":0.1}""", """{"id":"only-judge","verdict":true}""",
        ]);
        File.WriteAllLines(dir.File("experts.jsonl"),
        [
            """{"id":"a","verdict":true}""", """{"id":"b","verdict":true}""", """{"id":"c","verdict":false}""", """{"id":"d","verdict":"correct"}""",
            """{"id":"e","score":0.2}""",
        ]);
        File.WriteAllLines(dir.File("disputes.jsonl"),
        [
            """{"id":"a","item_id":"i1","dataset":"MAEthic","model":"m","trial":0,"question":"Q1","reference":"R1","response":"resp 1","judges":["x","y"],"scores":[0.9,0.4],"gap":0.5,"decision":0.65,"decided_by":"unsettled"}""",
            """{"id":"zz","item_id":"i2","dataset":"MAEthic","model":"m","trial":0,"question":"Q2","response":"resp 2","judges":["x","y"],"scores":[0.9,0.4],"gap":0.5,"decision":0.65,"decided_by":"unsettled"}""",
        ]);

        var (exit, output) = await CliHarness.RunAsync("judge-agreement", "--judge", dir.File("judge.jsonl"), "--experts", dir.File("experts.jsonl"),
            "--name", "my-judge", "--export", dir.File("train.jsonl"), "--disputes", dir.File("disputes.jsonl"));

        Assert.True(exit == 0, output);
        Assert.Matches(Row(), output);
        Assert.Contains("1 case(s) only in the judge file", output, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(dir.File("train.jsonl")));
        using var doc = JsonDocument.Parse(line);
        var messages = doc.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains("resp 1", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("\\boxed{100}", messages[2].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_verdict_line_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("judge.jsonl"), ["""{"id":"a","verdict":true}""", "not json"]);
        File.WriteAllLines(dir.File("experts.jsonl"), ["""{"id":"a","verdict":true}"""]);
        var (exit, output) = await CliHarness.RunAsync("judge-agreement", "--judge", dir.File("judge.jsonl"), "--experts", dir.File("experts.jsonl"));
        Assert.Equal(2, exit);
        Assert.Contains("judge.jsonl: line 2", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"my-judge\s*│\s*0\.6000\s*│\s*0\.6667\s*│\s*0\.6667\s*│\s*0\.6667\s*│\s*0\.1667\s*│\s*5")]
    private static partial Regex Row();
}
