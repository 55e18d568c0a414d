using System.Text.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Evaluation;
using CurationPipeline.Items;
using CurationPipeline.Parquet;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// The maturity model's two commands: `curate run pipelines/maturity.yaml` builds the ten scenarios at the paper's sizes
/// from the bundled raw records, and `curate evaluate` scores a sample of them over a loopback endpoint: a model that always
/// answers "A" and one that echoes the prompt score near zero on Types A and B, a model that answers the gold scores 100
/// on every scenario, and the summary and report carry Table 2, the five levels, the envelope area and the weakest level.
/// (The installed tool's test evaluates a built run folder with `--split maturity`.)
/// </summary>
public sealed partial class MaturityPipelineTests
{
    private static readonly Dictionary<string, int> PaperSizes = new(StringComparer.Ordinal)
    {
        ["CNMLE"] = 509, ["CTC"] = 149, ["CFF"] = 312, ["RRG"] = 300, ["TLV"] = 100, ["UDC"] = 100, ["RBQ"] = 100, ["DEC"] = 108, ["TNM"] = 121, ["MDT"] = 50,
    };

    [Fact]
    public async Task The_pipeline_builds_the_ten_scenarios_at_the_paper_sizes_and_the_evaluation_separates_oracle_from_trivial_models()
    {
        using var dir = new TempDirectory();
        var runDir = dir.File("maturity");
        Directory.CreateDirectory(dir.File("no-public-data"));
        var (exit, output) = await CliHarness.RunAsync("run", CliHarness.RepoFile("pipelines/maturity.yaml"), "--out", runDir, "--public-data", dir.File("no-public-data"));

        Assert.True(exit == 0, output);
        var sizes = await DuckDb.QueryAsync($"SELECT dataset, CAST(count(*) AS INTEGER) AS n, CAST(count(DISTINCT secondary_dimension) AS INTEGER) AS levels FROM read_parquet({DuckDb.Literal(Path.Combine(runDir, "data", "*", "test-*.parquet"))}) GROUP BY dataset");
        Assert.Equal(PaperSizes, sizes.ToDictionary(r => r.GetProperty("dataset").GetString()!, r => r.GetProperty("n").GetInt32()));
        Assert.All(sizes, r => Assert.Equal(1, r.GetProperty("levels").GetInt32()));

        var items = await SplitSource.LoadAsync(runDir);
        Assert.All(items, i => Assert.NotEqual(MaturityType.None, MaturityItem.Type(i)));
        Assert.All(items, i => Assert.Equal(DifficultyState.Labelled, i.Difficulty.State));

        // The models answer 40 items of every scenario (all of MDT's 50 but ten), enough for "near zero" and "100" to mean something.
        var sample = items.GroupBy(i => i.Dataset).SelectMany(g => g.Take(40)).ToList();
        await ParquetSerializer.WriteAsync(dir.File("sample.parquet"), sample.Select(ItemRow.From));
        await using var server = await OpenAiTestServer.StartAsync();
        server.Models = ["always-a", "echo", "oracle"];
        var oracle = new Oracle(sample);
        server.Responder = r => TestReply.Text(r.Model switch
        {
            "always-a" => "A",
            "echo" => r.LastUserMessage,
            _ => oracle.Answer(r.LastUserMessage),
        });
        var endpoints = EvaluationSplit.WriteEndpoints(dir, server, "", "always-a", "echo", "oracle");
        var evalDir = dir.File("eval");
        (exit, output) = await CliHarness.RunAsync("evaluate", "--split", dir.File("sample.parquet"), "--endpoints", endpoints, "--models", "always-a,echo,oracle",
            "--out", evalDir, "--cache", dir.File("cache.db"), "--concurrency", "64");

        Assert.True(exit == 0, output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(evalDir, "summary.json")));
        var profiles = summary.RootElement.GetProperty("maturity").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        var scores = profiles.ToDictionary(p => p.Key, p => p.Value.GetProperty("by_scenario").EnumerateArray()
            .ToDictionary(d => d.GetProperty("dataset").GetString()!, d => d.GetProperty("score").GetDouble()));
        var typeC = new[] { "RRG", "TNM", "MDT" };
        foreach (var trivial in new[] { "always-a", "echo" })
        {
            Assert.All(PaperSizes.Keys.Except(typeC), s => Assert.True(scores[trivial][s] <= 5, $"{trivial} scores {scores[trivial][s]} on {s}"));
        }

        Assert.All(PaperSizes.Keys, s => Assert.True(scores["oracle"][s] == 100, $"the oracle scores {scores["oracle"][s]} on {s}"));
        Assert.Equal(100, profiles["oracle"].GetProperty("envelope_area").GetDouble());
        Assert.True(profiles["always-a"].GetProperty("envelope_area").GetDouble() < 10);
        Assert.Equal(["L0", "L1", "L2", "L3", "L4"], profiles["oracle"].GetProperty("by_level").EnumerateObject().Select(p => p.Name));

        var md = File.ReadAllText(Path.Combine(evalDir, "summary.md"));
        Assert.Contains("| Model | L0 CNMLE | L0 CTC | L1 CFF | L1 RRG | L2 TLV | L2 UDC | L3 RBQ | L3 DEC | L4 TNM | L4 MDT |", md, StringComparison.Ordinal);
        Assert.Contains("| Model | L0 | L1 | L2 | L3 | L4 | Envelope area | Weakest level |", md, StringComparison.Ordinal);
        Assert.Contains("| oracle | 100.00 | 100.00 | 100.00 | 100.00 | 100.00 | 100.00 |", md, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(evalDir, "report.html"));
        Assert.Contains("<section id=\"maturity\">", html, StringComparison.Ordinal);
        Assert.Contains("L0–L4 envelope", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_an_endpoint_the_generator_rewrites_each_scenario_material_and_keeps_the_facts_of_the_gold()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = request =>
        {
            var prompt = request.LastUserMessage;
            return prompt.Contains("Keep verbatim", StringComparison.Ordinal)
                ? TestReply.Json(new { text = "【院内改写】" + LlmTestPipeline.SourceOf(prompt) })
                : TestReply.Json(new { score = 0.6, reasons = "部分满足" }); // the calibration panel's scorers
        };
        LlmTestPipeline.WriteEndpoints(dir, server);
        Directory.CreateDirectory(dir.File("no-public-data"));

        var (exit, output) = await CliHarness.RunAsync("run", CliHarness.RepoFile("pipelines/maturity.yaml"), "--out", dir.File("out"), "--endpoints", dir.File("endpoints.yaml"),
            "--limit", "2", "--public-data", dir.File("no-public-data"), "--cache", dir.File("cache.db"));

        Assert.True(exit == 0, output + File.ReadAllText(dir.File("out/rejects.jsonl")));
        var rows = await DuckDb.QueryAsync($"SELECT dataset, engine_kind, question, context, answer FROM {DuckDb.Literal(dir.File("out/pool.parquet"))}");
        Assert.Equal(PaperSizes.Keys.Order(), rows.Select(r => r.GetProperty("dataset").GetString()!).Distinct().Order());
        Assert.All(rows, r =>
        {
            Assert.Equal("llm", r.GetProperty("engine_kind").GetString());
            var material = r.GetProperty("context").ValueKind == JsonValueKind.String ? r.GetProperty("context").GetString()! : r.GetProperty("question").GetString()!;
            Assert.StartsWith("【院内改写】", material, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("answer").GetString()));
        });
    }

    /// <summary>Answers every prompt with the gold of the item it was built from (the option letter as shown, for Type A).</summary>
    private sealed partial class Oracle
    {
        private readonly Dictionary<string, BenchmarkItem> _byPrompt = new(StringComparer.Ordinal);
        private readonly List<BenchmarkItem> _choices;

        public Oracle(IReadOnlyList<BenchmarkItem> items)
        {
            _choices = [.. items.Where(i => i.Options.Count > 0)];
            foreach (var item in items.Where(i => i.Options.Count == 0))
            {
                _byPrompt[PromptBuilder.Build(item)] = item;
            }
        }

        public string Answer(string prompt)
        {
            if (_byPrompt.TryGetValue(prompt, out var item))
            {
                return item.Answer!;
            }

            var shown = OptionLine().Matches(prompt).ToDictionary(m => m.Groups["t"].Value.Trim(), m => m.Groups["l"].Value);
            var choice = _choices.First(c => prompt.Contains(c.Question.Trim(), StringComparison.Ordinal) && c.Options.All(shown.ContainsKey));
            return shown[choice.Options[AnswerLetters.Index(choice.Answer!.Trim()[0])]];
        }

        [GeneratedRegex(@"^(?<l>[A-J])\. (?<t>.+)$", RegexOptions.Multiline)]
        private static partial Regex OptionLine();
    }
}
