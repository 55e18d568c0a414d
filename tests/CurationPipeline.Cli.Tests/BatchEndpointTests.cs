using System.Diagnostics;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// Endpoints with <c>batch: true</c> in `curate evaluate` and `curate run`: the results equal those of the same
/// endpoints called directly, and a process killed while its batch is in flight is resumed on the same batch.
/// </summary>
public class BatchEndpointTests
{
    /// <summary>A model that answers from the question (so the answer does not depend on the path it took), and judges that score from the answer.</summary>
    private static TestReply Answer(TestChatRequest request)
    {
        var prompt = request.Messages.Last(m => m.Role == "user").Content;
        if (request.Model.StartsWith('j'))
        {
            return TestReply.Text($"评分理由略。总分：\\boxed{{{40 + (prompt.Length % 50)}}}");
        }

        if (request.Model.StartsWith('c'))
        {
            return TestReply.Text("答案：" + "ABCDE"[(prompt.Length + request.Model[^1]) % 5]);
        }

        return TestReply.Text(prompt.Contains("问题", StringComparison.Ordinal) ? "答案：" + "ABCDE"[prompt.Length % 5] : "建议停止加倍服用并及时就医，监测血压。");
    }

    /// <summary>A generated item per record: a question naming the record's text, or its first two characters as a symptom.</summary>
    internal static TestReply Generated(TestChatRequest request)
    {
        var prompt = request.Messages.First(m => m.Role == "user").Content;
        var source = LlmTestPipeline.SourceOf(prompt);
        if (prompt.Contains("\"entities\"", StringComparison.Ordinal))
        {
            return TestReply.Json(new { entities = new[] { new { type = "symptom", text = source[..2], start = 0, end = 2 } } });
        }

        return TestReply.Json(new
        {
            question = $"关于“{source[..Math.Min(12, source.Length)]}”，以下哪项是最常见的表现？",
            options = new[] { "关节肿痛", "视物模糊", "持续发热", "皮肤瘙痒", "耳鸣耳聋" },
            answer = "C",
            explanation = "依据原文。",
            also_true = Array.Empty<string>(),
        });
    }

    private static string Endpoints(TempDirectory dir, OpenAiTestServer server, bool batch, string name)
    {
        var extra = batch ? "    batch: true\n    batch_flush_seconds: 0.2\n    batch_poll_seconds: 0.05\n" : "";
        var path = EvaluationSplit.WriteEndpoints(dir, server, extra, "m1", "j1", "j2", "c1", "c2");
        File.Move(path, dir.File(name), overwrite: true);
        return dir.File(name);
    }

    private static string[] Evaluate(TempDirectory dir, string split, string endpoints, string output, string cache) =>
        ["evaluate", "--split", split, "--models", "m1", "--judges", "j1,j2", "--endpoints", endpoints, "--out", dir.File(output), "--cache", dir.File(cache)];

    private static async Task<List<string>> Rows(string results) =>
        [.. (await DuckDb.QueryAsync($"SELECT item_id, raw_response, final_score, judge_a, judge_b, flags FROM {DuckDb.Literal(results)} ORDER BY item_id")).Select(r => r.ToString())];

    [Fact]
    public async Task An_evaluation_through_batch_endpoints_equals_the_streamed_one()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = Answer;
        using var dir = new TempDirectory();
        var split = await EvaluationSplit.WriteAsync(dir, choice: 8, open: 4);

        var streamed = await CliHarness.RunAsync(Evaluate(dir, split, Endpoints(dir, server, batch: false, "direct.yaml"), "streamed", "streamed.db"));
        Assert.True(streamed.Exit == 0, streamed.Output);
        var direct = server.ChatRequests;
        var batched = await CliHarness.RunAsync(Evaluate(dir, split, Endpoints(dir, server, batch: true, "batch.yaml"), "batched", "batched.db"));
        Assert.True(batched.Exit == 0, batched.Output);

        Assert.Equal(direct, server.ChatRequests); // the batched evaluation made no direct call
        Assert.Equal(direct, server.Batches.Sum(b => b.Lines.Count));
        Assert.True(server.Batches.Count <= 3, $"{server.Batches.Count} batches: models first, then the judges of the open answers");
        Assert.Equal(await Rows(dir.File("streamed/results.parquet")), await Rows(dir.File("batched/results.parquet")));
        Assert.Equal(File.ReadAllText(dir.File("streamed/summary.json")), File.ReadAllText(dir.File("batched/summary.json")));
    }

    [Fact]
    public async Task A_calibration_through_batch_endpoints_equals_the_streamed_one()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = r => r.Model == "m1" ? Generated(r) : Answer(r);
        using var dir = new TempDirectory();
        LlmTestPipeline.Write(dir, "batch-calibration", 6);
        var pipeline = dir.File("llm.yaml");
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("datasets:", "roles: { generator: [m1], calibration: [c1, c2] }\nstages: { parallelism: { calibrate: 32 } }\ndatasets:", StringComparison.Ordinal));
        string[] Run(string endpoints, string output, string cache) =>
            ["run", pipeline, "--out", dir.File(output), "--endpoints", endpoints, "--limit", "6", "--raw", CliHarness.RepoFile("raw"), "--cache", dir.File(cache)];

        var streamed = await CliHarness.RunAsync(Run(Endpoints(dir, server, batch: false, "direct.yaml"), "streamed", "streamed.db"));
        Assert.True(streamed.Exit is 0 or 1, streamed.Output);
        var calibrationCalls = server.Requests.Count(r => r.Model is "c1" or "c2");
        Assert.True(calibrationCalls >= 10, $"{calibrationCalls} calibration calls");

        // Every endpoint by batch this time, the generator too; the comparison is about the panel.
        var batched = await CliHarness.RunAsync(Run(Endpoints(dir, server, batch: true, "batch.yaml"), "batched", "batched.db"));
        Assert.True(batched.Exit is 0 or 1, batched.Output);
        Assert.Equal(calibrationCalls, server.Batches.SelectMany(b => b.Lines).Count(l => l.Body.Contains("\"model\":\"c", StringComparison.Ordinal)));

        var query = "SELECT item_id, solver, response, correct FROM {0} ORDER BY item_id, solver";
        var a = await DuckDb.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, DuckDb.Literal(dir.File("streamed/calibration.parquet"))));
        var b = await DuckDb.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, DuckDb.Literal(dir.File("batched/calibration.parquet"))));
        Assert.Equal(a.Select(r => r.ToString()), b.Select(r => r.ToString()));
        var labels = "SELECT question, difficulty FROM {0} ORDER BY question";
        Assert.Equal(
            (await DuckDb.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, labels, DuckDb.Literal(dir.File("streamed/pool.parquet"))))).Select(r => r.ToString()),
            (await DuckDb.QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, labels, DuckDb.Literal(dir.File("batched/pool.parquet"))))).Select(r => r.ToString()));
    }

    [Fact]
    public async Task An_evaluation_killed_while_its_batch_is_in_flight_resumes_on_the_same_batch()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = Answer;
        using var dir = new TempDirectory();
        var split = await EvaluationSplit.WriteAsync(dir, choice: 10);
        var reference = await CliHarness.RunAsync(Evaluate(dir, split, Endpoints(dir, server, batch: false, "direct.yaml"), "reference", "reference.db"));
        Assert.True(reference.Exit == 0, reference.Output);

        server.HoldBatches = true;
        var endpoints = Endpoints(dir, server, batch: true, "batch.yaml");
        using (var child = CliHarness.StartProcess(Evaluate(dir, split, endpoints, "out", "cache.db")))
        {
            child.OutputDataReceived += (_, _) => { };
            child.ErrorDataReceived += (_, _) => { };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            var stopwatch = Stopwatch.StartNew();
            while (CacheFile.Count(dir.File("cache.db"), "SELECT count(*) FROM batches WHERE state = 'submitted'") < 1 || server.Batches.Count(b => b.Retrieves > 0) < 1)
            {
                Assert.False(child.HasExited, "curate exited before its batch was submitted");
                Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), "the batch was never submitted");
                await Task.Delay(50);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var batch = Assert.Single(server.Batches);
        Assert.Equal(30, batch.Lines.Count);
        Assert.Equal("in_progress", batch.Status);
        server.HoldBatches = false;

        var resumed = await CliHarness.RunAsync(Evaluate(dir, split, endpoints, "out", "cache.db"));
        Assert.True(resumed.Exit == 0, resumed.Output);
        Assert.Equal(batch.Id, Assert.Single(server.Batches).Id); // reattached: not submitted twice
        Assert.Equal("completed", batch.Status);
        Assert.Equal(30, server.BatchLinesAnswered);
        Assert.Equal(await Rows(dir.File("reference/results.parquet")), await Rows(dir.File("out/results.parquet")));
    }
}
