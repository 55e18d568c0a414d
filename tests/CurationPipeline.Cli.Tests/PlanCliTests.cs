using System.Text.Json;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>`--plan`: the calls, tokens and cost of a run before it runs, and the run then shown against its plan.</summary>
public class PlanCliTests
{
    private const string Prices = "    price_per_million_input: 2.5\n    price_per_million_output: 10\n";

    private static TestReply Answer(TestChatRequest request) => request.Model.StartsWith('j')
        ? TestReply.Text("总分：\\boxed{70}")
        : TestReply.Text(request.LastUserMessage.Contains("问题", StringComparison.Ordinal) ? "答案：B" : "建议及时就医。");

    private static JsonElement Plan(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "plan.json"))).RootElement;

    [Fact]
    public async Task An_evaluation_plan_counts_the_calls_the_evaluation_then_makes_and_leaves_out_cached_ones()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = Answer;
        using var dir = new TempDirectory();
        var split = await EvaluationSplit.WriteAsync(dir, choice: 6, open: 2);
        var endpoints = EvaluationSplit.WriteEndpoints(dir, server, Prices, "m1", "j1", "j2");
        string[] Evaluate(params string[] more) =>
            ["evaluate", "--split", split, "--models", "m1", "--judges", "j1,j2", "--endpoints", endpoints, "--out", dir.File("out"), "--cache", dir.File("cache.db"), .. more];

        var (planned, planText) = await CliHarness.RunAsync(Evaluate("--plan"));
        Assert.True(planned == 0, planText);
        Assert.Equal(0, server.ChatRequests);
        Assert.Contains("plan: model calls this run would make", planText, StringComparison.Ordinal);
        var plan = Plan(dir.File("out"));
        Assert.Equal(6 * 3 + 2 + 2 * 2, plan.GetProperty("calls").GetInt64()); // three presentations per choice item; an answer and two judges per open one
        Assert.True(plan.GetProperty("estimated_cost").GetDecimal() > 0);
        Assert.False(File.Exists(dir.File("out/results.parquet")));

        var (exit, text) = await CliHarness.RunAsync(Evaluate());
        Assert.True(exit == 0, text);
        Assert.Equal(plan.GetProperty("calls").GetInt64(), server.ChatRequests);
        Assert.Contains("models: 24 calls, 0 from the cache (plan: 24 calls)", text, StringComparison.Ordinal);
        Assert.Contains("projected", text, StringComparison.Ordinal);
        var usage = JsonDocument.Parse(File.ReadAllText(dir.File("out/usage.json"))).RootElement;
        Assert.Equal(24, usage.GetProperty("total").GetProperty("calls").GetInt64());
        Assert.Equal(["evaluation", "judge"], usage.GetProperty("by_role").EnumerateArray().Select(r => r.GetProperty("role").GetString()));

        var (again, againText) = await CliHarness.RunAsync(Evaluate("--plan"));
        Assert.True(again == 0, againText);
        Assert.Equal((0, 24), (Plan(dir.File("out")).GetProperty("calls").GetInt64(), Plan(dir.File("out")).GetProperty("cached").GetInt64()));
        Assert.Equal(24, server.ChatRequests);
    }

    [Fact]
    public async Task A_run_plan_counts_generation_exactly_and_the_later_stages_closely_and_run_json_and_the_report_hold_the_costs()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => r.Model == "m1" ? BatchEndpointTests.Generated(r) : TestReply.Text("答案：C");
        using var dir = new TempDirectory();
        LlmTestPipeline.Write(dir, "planned", 6);
        var pipeline = dir.File("llm.yaml");
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("datasets:", "roles: { generator: [m1], calibration: [c1, c2] }\ndatasets:", StringComparison.Ordinal));
        var endpoints = EvaluationSplit.WriteEndpoints(dir, server, Prices, "m1", "c1", "c2");
        string[] Run(params string[] more) =>
            ["run", pipeline, "--out", dir.File("out"), "--endpoints", endpoints, "--limit", "6", "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File("cache.db"), .. more];

        var (planned, planText) = await CliHarness.RunAsync(Run("--plan"));
        Assert.True(planned == 0, planText);
        Assert.Equal(0, server.ChatRequests);
        Assert.False(File.Exists(dir.File("out/pool.parquet")));
        var byRole = Plan(dir.File("out")).GetProperty("models").GetProperty("by_role").EnumerateArray()
            .ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("calls").GetInt64());

        var (exit, text) = await CliHarness.RunAsync(Run());
        Assert.True(exit is 0 or 1, text);
        var made = server.Requests.GroupBy(r => r.Model == "m1" ? "generator" : "calibration").ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(made["generator"], byRole["generator"]);
        Assert.InRange(byRole["calibration"], made["calibration"] * 0.75, made["calibration"] * 1.25);

        var models = JsonDocument.Parse(File.ReadAllText(dir.File("out/run.json"))).RootElement.GetProperty("models");
        var total = models.GetProperty("total");
        Assert.Equal(server.ChatRequests, total.GetProperty("calls").GetInt64());
        var expected = (total.GetProperty("prompt_tokens").GetInt64() * 2.5m + total.GetProperty("completion_tokens").GetInt64() * 10m) / 1_000_000m;
        Assert.Equal(expected, total.GetProperty("estimated_cost").GetDecimal());
        Assert.Equal(0, total.GetProperty("batched").GetInt64());
        var report = File.ReadAllText(dir.File("out/report.md"));
        Assert.Contains("## Model calls", report, StringComparison.Ordinal);
        Assert.Contains("| c1 | calibration |", report, StringComparison.Ordinal);
    }
}
