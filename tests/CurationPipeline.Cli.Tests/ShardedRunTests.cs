using System.Globalization;
using System.Text.Json;
using CurationPipeline.Review;
using CurationPipeline.Testing;

namespace CurationPipeline.Cli.Tests;

/// <summary>
/// Sharded runs as the engines run them: one process per shard with the variables a Kubernetes Indexed Job or a Slurm
/// array sets, then `curate merge`, compared item for item with a single run (read back with DuckDB).
/// </summary>
public class ShardedRunTests
{
    private static string[] Run(string outDir, params string[] more) =>
        ["run", CliHarness.RepoFile("pipelines/mlb.yaml"), "--out", outDir, "--limit", "8", "--public-data", TestData.Samples, .. more];

    private static Dictionary<string, string?> Env(params (string Name, int Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (string?)v.Value.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task Shards_run_as_separate_processes_merge_into_the_splits_of_a_single_run()
    {
        using var dir = new TempDirectory();
        var single = dir.File("single");
        var sharded = dir.File("sharded");
        var whole = await CliProcess.CurateAsync(Run(single));
        Assert.True(whole.Exit == 0, whole.ToString());

        // Two pods of a Kubernetes Indexed Job (completions: 3) at once; the third has not run yet.
        var pods = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => CliProcess.CurateAsync(Run(sharded, "--shards", "3"), environment: Env(("JOB_COMPLETION_INDEX", i)))));
        Assert.All(pods, p => Assert.True(p.Exit == 0, p.ToString()));
        Assert.True(File.Exists(Path.Combine(sharded, "pool", "part-1-of-3.parquet")));

        var early = await CliProcess.CurateAsync(["merge", "--out", sharded]);
        Assert.True(early.Exit == 1, early.ToString());
        Assert.Contains("shard 2 of 3 (shards/2-of-3): never ran", early.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sharded, "data")), "splits written without every shard");

        // The third shard with another seed is named too.
        var other = await CliProcess.CurateAsync(Run(sharded, "--shard", "2/3", "--seed", "7"));
        Assert.True(other.Exit == 0, other.ToString());
        var mismatch = await CliProcess.CurateAsync(["merge", "--out", sharded]);
        Assert.True(mismatch.Exit == 1, mismatch.ToString());
        Assert.Contains("shard 2 of 3: seed 7 differs from shard 0's", mismatch.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sharded, "data")));

        // Run again as the last task of a Slurm array numbered 1-3.
        var task = await CliProcess.CurateAsync(Run(sharded, "--shards", "3"),
            environment: Env(("SLURM_ARRAY_TASK_ID", 3), ("SLURM_ARRAY_TASK_MIN", 1), ("SLURM_ARRAY_TASK_COUNT", 3)));
        Assert.True(task.Exit == 0, task.ToString());
        var merged = await CliProcess.CurateAsync(["merge", "--out", sharded]);
        Assert.True(merged.Exit == 0, merged.ToString());

        // Every split: the same ids in the same order.
        var splits = Directory.GetDirectories(Path.Combine(single, "data")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(splits, Directory.GetDirectories(Path.Combine(sharded, "data")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var filled = 0;
        foreach (var name in splits)
        {
            var a = await Ids(Path.Combine(single, "data", name!, "test-00000-of-00001.parquet"));
            var b = await Ids(Path.Combine(sharded, "data", name!, "test-00000-of-00001.parquet"));
            Assert.Equal(a, b);
            filled += a.Count > 0 ? 1 : 0;
        }

        Assert.True(filled >= 15, $"{filled} splits hold items");

        // The pool is the three parts, read as one dataset: the single run's items, each once.
        var parts = DuckDb.Literal(Path.Combine(sharded, "pool", "*.parquet"));
        var pool = DuckDb.Literal(Path.Combine(single, "pool.parquet"));
        var counts = (await DuckDb.QueryAsync($"SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT filename) AS files FROM read_parquet({parts}, filename = true)")).Single();
        var singleCount = (await DuckDb.QueryAsync($"SELECT count(*) AS n FROM {pool}")).Single().GetProperty("n").GetInt64();
        Assert.Equal(singleCount, counts.GetProperty("n").GetInt64());
        Assert.Equal(singleCount, counts.GetProperty("ids").GetInt64());
        Assert.Equal(3, counts.GetProperty("files").GetInt64());
        Assert.Empty(await DuckDb.QueryAsync($"(SELECT id, dataset, difficulty, departments FROM {pool}) EXCEPT (SELECT id, dataset, difficulty, departments FROM {parts})"));

        var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(sharded, "run.json"))).RootElement;
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(single, "run.json"))).RootElement;
        Assert.True(run.GetProperty("counts_balanced").GetBoolean());
        Assert.Equal(reference.GetProperty("pool_items").GetInt64(), run.GetProperty("pool_items").GetInt64());
        Assert.Equal(reference.GetProperty("stages")[0].GetProperty("received").GetInt64(), run.GetProperty("stages")[0].GetProperty("received").GetInt64());
        var shards = run.GetProperty("shards").EnumerateArray().ToList();
        Assert.Equal(3, shards.Count);
        Assert.Equal(shards[0].GetProperty("records_seen").GetInt64(), shards.Sum(s => s.GetProperty("records_taken").GetInt64()));
        Assert.All(shards, s => Assert.True(s.GetProperty("records_taken").GetInt64() > 0));
        Assert.Equal(reference.GetProperty("deidentification").GetProperty("total").GetInt32(), run.GetProperty("deidentification").GetProperty("total").GetInt32());
        Assert.Equal(File.ReadAllText(Path.Combine(single, "README.md")), File.ReadAllText(Path.Combine(sharded, "README.md")));
        Assert.Equal(File.ReadAllText(Path.Combine(single, "sampling.json")), File.ReadAllText(Path.Combine(sharded, "sampling.json")));

        // The review store holds every task of the single run, each once (the store also keeps the tasks of shard 2's
        // run with seed 7, as a re-run keeps earlier decisions), and merging again adds none.
        var reviewTasks = Tasks(Path.Combine(sharded, "review.db"));
        Assert.Subset(reviewTasks.ToHashSet(), Tasks(Path.Combine(single, "review.db")).ToHashSet());
        var again = await CliProcess.CurateAsync(["merge", "--out", sharded]);
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("joined 0 review tasks", again.Out, StringComparison.Ordinal);
        Assert.Equal(reviewTasks, Tasks(Path.Combine(sharded, "review.db")));
    }

    [Fact]
    public async Task A_shard_index_without_its_count_or_outside_it_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var (exit, output) = await CliHarness.RunAsync(Run(dir.File("out"), "--shard", "3/3"));
        Assert.Equal(2, exit);
        Assert.Contains("--shard 3/3: expected I/N", output, StringComparison.Ordinal);

        var noIndex = await CliProcess.CurateAsync(Run(dir.File("out"), "--shards", "2"), environment: new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = null, ["SLURM_ARRAY_TASK_ID"] = null });
        Assert.Equal(2, noIndex.Exit);
        Assert.Contains("neither is set", noIndex.Err, StringComparison.Ordinal);

        var slurm = await CliProcess.CurateAsync(Run(dir.File("out"), "--shards", "4"), environment: Env(("SLURM_ARRAY_TASK_ID", 0), ("SLURM_ARRAY_TASK_COUNT", 2)));
        Assert.Equal(2, slurm.Exit);
        Assert.Contains("the Slurm array has 2 tasks", slurm.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out/shards")));
    }

    [Fact]
    public async Task The_shards_caches_are_joined_so_a_rerun_of_a_shard_calls_no_model_again()
    {
        using var dir = new TempDirectory();
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = request => request.Messages.First(m => m.Role == "user").Content.Contains("\"entities\"", StringComparison.Ordinal)
            ? TestReply.Json(new { entities = new[] { new { type = "symptom", text = LlmTestPipeline.SourceOf(request.Messages.First(m => m.Role == "user").Content)[..2], start = 0, end = 2 } } })
            : LlmTestPipeline.ExamAnswer();
        var pipeline = LlmTestPipeline.Write(dir, "llm-shards", 3);
        var endpoints = LlmTestPipeline.WriteEndpoints(dir, server);
        var outDir = dir.File("out");
        string[] Shard(string spec) => ["run", pipeline, "--out", outDir, "--endpoints", endpoints, "--limit", "6", "--raw", CliHarness.RepoFile("raw"), "--shard", spec];

        foreach (var spec in new[] { "0/2", "1/2" })
        {
            var (exit, output) = await CliHarness.RunAsync(Shard(spec));
            Assert.True(exit == 0, output);
        }

        var paid = server.ChatRequests;
        Assert.True(paid > 0);
        Assert.True(File.Exists(Path.Combine(outDir, "shards", "0-of-2", "cache.db")), "a shard keeps its own cache");
        var (merged, mergeOutput) = await CliHarness.RunAsync("merge", "--out", outDir);
        Assert.True(merged == 0, mergeOutput);
        Assert.Matches(@"joined \d+ review tasks into review.db and [1-9]\d* model answers into cache.db", mergeOutput);

        // A shard re-run on a fresh disk (its own cache gone) takes the joined answers: no request is sent again.
        File.Delete(Path.Combine(outDir, "shards", "1-of-2", "cache.db"));
        var (rerun, rerunOutput) = await CliHarness.RunAsync(Shard("1/2"));
        Assert.True(rerun == 0, rerunOutput);
        Assert.Equal(paid, server.ChatRequests);
    }

    private static async Task<List<string>> Ids(string file) =>
        [.. (await DuckDb.QueryAsync($"SELECT id FROM {DuckDb.Literal(file)}")).Select(r => r.GetProperty("id").GetString()!)];

    private static List<string> Tasks(string path)
    {
        using var store = ReviewStore.Open(path, TimeProvider.System);
        var tasks = store.Tasks().Select(t => $"{t.ItemId}/{t.Kind}/{t.Subject}/{t.Assignments.Count}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(tasks.Count, tasks.Distinct(StringComparer.Ordinal).Count());
        return tasks;
    }
}
