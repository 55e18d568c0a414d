using System.Diagnostics;
using CurationPipeline.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

/// <summary>One cache file shared by several processes (each open cache stands for one): nothing is paid twice, nothing waits for the dead.</summary>
public class SharedCacheTests
{
    private static List<ChatMessage> Ask(string question) => [new(ChatRole.User, question)];

    [Fact]
    public async Task Two_caches_on_one_file_asking_the_same_at_once_pay_each_request_once()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(300);
        using var dir = new TempDirectory();
        var endpoint = Endpoints.For(server, maxConcurrency: 64);
        await using var a = Endpoints.Hub(endpoint, dir.File("shared.db"));
        await using var b = Endpoints.Hub(endpoint, dir.File("shared.db"));
        var questions = Enumerable.Range(0, 40).Select(i => $"shared question {i}").ToList();

        var answers = await Task.WhenAll(questions.SelectMany(q => new[]
        {
            a.GetClient("m1", "evaluation").GetResponseAsync(Ask(q)),
            b.GetClient("m1", "evaluation").GetResponseAsync(Ask(q)),
        }));

        Assert.Equal(40, server.ChatRequests);
        Assert.Equal(40, server.Requests.Select(r => r.LastUserMessage).Distinct().Count());
        Assert.Equal(40, a.Usage().Total.Calls + b.Usage().Total.Calls);
        Assert.Equal(40, a.Usage().Total.CacheHits + b.Usage().Total.CacheHits);
        Assert.All(answers, r => Assert.StartsWith("echo: shared question", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_held_by_another_live_owner_is_answered_from_that_owner_without_a_call()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var endpoint = Endpoints.For(server);
        var path = dir.File("shared.db");
        using var other = new ResponseCache(path);
        var key = CacheKey.Compute(endpoint.Model, endpoint, Ask("held"), null);
        Assert.Equal(LeaseClaim.Outcome.Taken, (await other.ClaimAsync(key)).State);

        await using var hub = Endpoints.Hub(endpoint, path);
        var waiting = hub.GetClient("m1", "judge").GetResponseAsync(Ask("held"));
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "the request did not wait for the owner of the lease");

        other.Enqueue(key, endpoint.Model, new CachedResponse("the other owner's answer", "stop", "test-model", "r1", null, 10, 5, "m1"), DateTimeOffset.UtcNow, () => { });
        var answer = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("the other owner's answer", answer.Text);
        Assert.Equal(0, server.ChatRequests);
        Assert.Equal((0L, 1L), (hub.Usage().Total.Calls, hub.Usage().Total.CacheHits));
    }

    [Fact]
    public async Task A_lease_given_back_after_a_failure_lets_the_waiting_owner_call()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var endpoint = Endpoints.For(server);
        var path = dir.File("shared.db");
        using var other = new ResponseCache(path);
        var key = CacheKey.Compute(endpoint.Model, endpoint, Ask("failed elsewhere"), null);
        await other.ClaimAsync(key);

        await using var hub = Endpoints.Hub(endpoint, path);
        var waiting = hub.GetClient("m1", "judge").GetResponseAsync(Ask("failed elsewhere"));
        await Task.Delay(300);
        Assert.Equal(0, server.ChatRequests);
        other.Release(key);

        Assert.Equal("echo: failed elsewhere", (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Text);
        Assert.Equal(1, server.ChatRequests);
    }

    [Fact]
    public async Task A_lease_of_a_process_that_is_gone_is_taken_over_at_once()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var endpoint = Endpoints.For(server);
        var path = dir.File("shared.db");
        // Opened first, so that the lease is met when the request claims it (not cleared when the file is opened).
        await using var hub = Endpoints.Hub(endpoint, path);
        var key = CacheKey.Compute(endpoint.Model, endpoint, Ask("orphaned"), null);
        using (var exited = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!)
        {
            await exited.WaitForExitAsync();
            // A fresh heartbeat: only the process check can tell the owner is dead.
            Leave(path, "killed-owner", Environment.MachineName, exited.Id, DateTimeOffset.UtcNow, key);
        }

        var stopwatch = Stopwatch.StartNew();
        var answer = await hub.GetClient("m1", "judge").GetResponseAsync(Ask("orphaned"));

        Assert.Equal("echo: orphaned", answer.Text);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"waited {stopwatch.Elapsed} for a dead owner");
        Assert.Equal(1, server.ChatRequests);
    }

    [Fact]
    public async Task A_lease_of_an_owner_on_another_machine_whose_heartbeat_stopped_is_taken_over()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var endpoint = Endpoints.For(server);
        var path = dir.File("shared.db");
        await using var hub = Endpoints.Hub(endpoint, path);
        var alive = CacheKey.Compute(endpoint.Model, endpoint, Ask("alive elsewhere"), null);
        var stale = CacheKey.Compute(endpoint.Model, endpoint, Ask("silent elsewhere"), null);
        Leave(path, "silent", "another-machine", 4242, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5), stale);
        Leave(path, "alive", "another-machine", 4242, DateTimeOffset.UtcNow, alive);
        var client = hub.GetClient("m1", "judge");
        Assert.Equal("echo: silent elsewhere", (await client.GetResponseAsync(Ask("silent elsewhere")).WaitAsync(TimeSpan.FromSeconds(20))).Text);
        var held = client.GetResponseAsync(Ask("alive elsewhere"));
        await Task.Delay(500);
        Assert.False(held.IsCompleted, "a lease with a fresh heartbeat on another machine was not respected");
        Assert.Equal(1, server.ChatRequests);
    }

    [Fact]
    public async Task Stats_count_answers_per_model_and_prune_removes_those_older_than_asked()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cache.db");
        var old = new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var recent = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        using (var cache = new ResponseCache(path))
        {
            for (var i = 0; i < 5; i++)
            {
                cache.Enqueue($"old{i}", "model-a", new CachedResponse("x", "stop", null, null, null, 100, 10, "e1"), old, () => { });
                cache.Enqueue($"new{i}", i < 2 ? "model-a" : "model-b", new CachedResponse("y", "stop", null, null, null, 200, 20, "e1"), recent, () => { });
            }

            await cache.FlushAsync();
        }

        var stats = ResponseCache.ReadStats(path);
        Assert.Equal(10, stats.Entries);
        var a = Assert.Single(stats.Models, m => m.Model == "model-a");
        Assert.Equal((7L, 5 * 100L + 2 * 200L, 5 * 10L + 2 * 20L, old, recent), (a.Entries, a.PromptTokens, a.CompletionTokens, a.Oldest, a.Newest));
        Assert.Equal(0, stats.Leases);

        Assert.Equal(5, ResponseCache.Prune(path, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), vacuum: true));
        stats = ResponseCache.ReadStats(path);
        Assert.Equal(5, stats.Entries);
        Assert.Equal(recent, stats.Models.Min(m => m.Oldest));
    }

    [Fact]
    public void The_default_cache_is_in_the_users_cache_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "xdg-cache");
        Assert.Equal(Path.Combine(root, "curate", "model-cache.db"), CacheLocation.Default(v => v == "XDG_CACHE_HOME" ? root : null));
        Assert.EndsWith(Path.Combine("curate", "model-cache.db"), CacheLocation.Default(_ => "relative/is/ignored"), StringComparison.Ordinal);
        Assert.Null(CacheLocation.Resolve("x.db", disabled: true));
        Assert.Equal(Path.GetFullPath("x.db"), CacheLocation.Resolve("x.db", disabled: false, "y.db", root));
        Assert.Equal(Path.Combine(root, "y.db"), CacheLocation.Resolve(null, disabled: false, "y.db", root));
    }

    /// <summary>Writes an owner row and a lease it holds, as another process would leave them.</summary>
    private static void Leave(string path, string owner, string host, int pid, DateTimeOffset heartbeat, string key)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO owners (id, host, pid, process_started_ms, heartbeat_ms) VALUES ($owner, $host, $pid, 0, $beat);
            INSERT INTO leases (key, owner, taken_ms) VALUES ($key, $owner, $beat);
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$pid", pid);
        command.Parameters.AddWithValue("$beat", heartbeat.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    }
}
