using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>The response cache shared across runs: by default in the user's cache folder, for several processes at once, and its upkeep with `curate cache`.</summary>
public class SharedCacheCliTests
{
    private static string[] Evaluate(TempDirectory dir, string split, string output, params string[] more) =>
        ["evaluate", "--split", split, "--models", "letter-a", "--endpoints", dir.File("endpoints.yaml"), "--out", dir.File(output), .. more];

    [Fact]
    public async Task Evaluating_a_split_again_into_a_new_folder_makes_no_call()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Text("答案：A");
        using var dir = new TempDirectory();
        var split = await EvaluationSplit.WriteAsync(dir, 10);
        EvaluationSplit.WriteEndpoints(dir, server, "", "letter-a");
        var user = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = dir.File("user-cache") };

        var first = await CliProcess.CurateAsync(Evaluate(dir, split, "first"), environment: user);
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Equal(30, server.ChatRequests);

        var second = await CliProcess.CurateAsync(Evaluate(dir, split, "second"), environment: user);
        Assert.True(second.Exit == 0, second.ToString());
        Assert.Equal(30, server.ChatRequests);
        Assert.Contains("calls 0, cache hits 30", second.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.File("user-cache"), "curate", "model-cache.db")), "the shared cache is not in the user's cache folder");
        Assert.Equal(File.ReadAllText(dir.File("first/summary.json")), File.ReadAllText(dir.File("second/summary.json")));

        var uncached = await CliProcess.CurateAsync(Evaluate(dir, split, "third", "--no-cache"), environment: user);
        Assert.True(uncached.Exit == 0, uncached.ToString());
        Assert.Equal(60, server.ChatRequests);
    }

    [Fact]
    public async Task Two_evaluations_at_once_on_one_cache_pay_each_request_once()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(400);
        server.Responder = _ => TestReply.Text("答案：B");
        using var dir = new TempDirectory();
        // The same items, the second evaluation taking them from the other end: the two meet in the middle.
        var split = await EvaluationSplit.WriteAsync(dir, 40);
        var reversed = await EvaluationSplit.WriteAsync(dir, 40, name: "reversed.parquet", reversed: true);
        EvaluationSplit.WriteEndpoints(dir, server, "", "letter-a");
        var cache = dir.File("shared.db");

        var both = await Task.WhenAll(
            CliProcess.CurateAsync(Evaluate(dir, split, "a", "--cache", cache)),
            CliProcess.CurateAsync(Evaluate(dir, reversed, "b", "--cache", cache)));

        Assert.All(both, r => Assert.True(r.Exit == 0, r.ToString()));
        var asked = server.Requests.Select(r => r.RawBody).ToList();
        Assert.Equal(120, asked.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(120, asked.Count); // none twice
        var counts = both.Select(r => System.Text.RegularExpressions.Regex.Match(r.Out, @"calls (\d+), cache hits (\d+)")).Select(m => (Calls: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Hits: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal((120, 120), (counts.Sum(c => c.Calls), counts.Sum(c => c.Hits)));
        Assert.All(counts, c => Assert.True(c.Calls > 0, $"the evaluations did not run at the same time: {string.Join("; ", counts)}"));
        var rows = await DuckDb.QueryAsync($"SELECT a.item_id FROM {DuckDb.Literal(dir.File("a/results.parquet"))} a JOIN {DuckDb.Literal(dir.File("b/results.parquet"))} b USING (item_id) WHERE a.raw_response = b.raw_response");
        Assert.Equal(40, rows.Count);
    }

    [Fact]
    public async Task Cache_stats_tell_what_is_stored_and_prune_removes_old_answers()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Text("答案：C");
        using var dir = new TempDirectory();
        var split = await EvaluationSplit.WriteAsync(dir, 4);
        EvaluationSplit.WriteEndpoints(dir, server, "", "letter-a");
        var cache = dir.File("c.db");
        Assert.Equal(0, (await CliHarness.RunAsync(Evaluate(dir, split, "out", "--cache", cache))).Exit);

        var (exit, stats) = await CliHarness.RunAsync("cache", "stats", "--cache", cache);
        Assert.True(exit == 0, stats);
        Assert.Contains("letter-a", stats, StringComparison.Ordinal);
        Assert.Contains($"{cache}: 12 answers", stats, StringComparison.Ordinal);

        var (kept, keptText) = await CliHarness.RunAsync("cache", "prune", "--older-than", "30d", "--cache", cache);
        Assert.True(kept == 0, keptText);
        Assert.Contains("removed 0 answer(s)", keptText, StringComparison.Ordinal);
        var (pruned, prunedText) = await CliHarness.RunAsync("cache", "prune", "--older-than", "0m", "--cache", cache, "--vacuum");
        Assert.True(pruned == 0, prunedText);
        Assert.Contains("removed 12 answer(s)", prunedText, StringComparison.Ordinal);
        Assert.Contains($"{cache}: 0 answers", (await CliHarness.RunAsync("cache", "stats", "--cache", cache)).Output, StringComparison.Ordinal);

        var (bad, badText) = await CliHarness.RunAsync("cache", "prune", "--older-than", "a month", "--cache", cache);
        Assert.Equal(2, bad);
        Assert.Contains("--older-than", badText, StringComparison.Ordinal);
        var (missing, missingText) = await CliHarness.RunAsync("cache", "stats", "--cache", dir.File("none.db"));
        Assert.Equal(2, missing);
        Assert.Contains(dir.File("none.db"), missingText, StringComparison.Ordinal);
    }
}
