using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class ResponseCacheTests
{
    private static List<ChatMessage> Ask(string question) => [new(ChatRole.User, question)];

    [Fact]
    public async Task Second_identical_run_makes_no_http_request_and_counts_cache_hits()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var cachePath = dir.File("cache.db");
        var endpoint = Endpoints.For(server);
        var first = new List<string>();
        await using (var hub = Endpoints.Hub(endpoint, cachePath))
        {
            var client = hub.GetClient("m1", "generator");
            for (var i = 0; i < 10; i++)
            {
                first.Add((await client.GetResponseAsync(Ask($"question {i}"))).Text);
            }

            var usage = hub.Usage().Total;
            Assert.Equal(10, usage.Calls);
            Assert.Equal(0, usage.CacheHits);
            Assert.True(usage.PromptTokens > 0);
        }

        Assert.Equal(10, server.ChatRequests);
        await using (var hub = Endpoints.Hub(endpoint, cachePath))
        {
            var client = hub.GetClient("m1", "generator");
            for (var i = 0; i < 10; i++)
            {
                var response = await client.GetResponseAsync(Ask($"question {i}"));
                Assert.Equal(first[i], response.Text);
                Assert.True((bool)response.AdditionalProperties![ResponseProperties.CacheHit]!);
            }

            var usage = hub.Usage().Total;
            Assert.Equal(0, usage.Calls);
            Assert.Equal(10, usage.CacheHits);
            Assert.Equal(0, usage.PromptTokens);
            Assert.True(usage.CachedPromptTokens > 0);
            Assert.True(usage.CachedCompletionTokens > 0);
        }

        Assert.Equal(10, server.ChatRequests);
    }

    [Fact]
    public async Task Trial_number_is_part_of_the_key_only_when_sampling()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        await using var hub = Endpoints.Hub(Endpoints.For(server), dir.File("cache.db"));
        var client = hub.GetClient("m1", "calibration");
        ChatOptions Options(float temperature, int trial) =>
            new() { Temperature = temperature, AdditionalProperties = new() { [ResponseProperties.Trial] = trial } };

        await client.GetResponseAsync(Ask("q"), Options(0.7f, 1));
        await client.GetResponseAsync(Ask("q"), Options(0.7f, 2));
        await client.GetResponseAsync(Ask("q"), Options(0.7f, 1));
        Assert.Equal(2, server.ChatRequests);

        await client.GetResponseAsync(Ask("q"), Options(0f, 1));
        await client.GetResponseAsync(Ask("q"), Options(0f, 2));
        Assert.Equal(3, server.ChatRequests);
        Assert.DoesNotContain(server.Requests, r => r.RawBody.Contains("trial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_option_that_changes_the_answer_changes_the_key()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        await using var hub = Endpoints.Hub(Endpoints.For(server), dir.File("cache.db"));
        var client = hub.GetClient("m1", "judge");
        ChatOptions?[] variants =
        [
            null,
            new() { Temperature = 0.2f },
            new() { TopP = 0.9f },
            new() { Seed = 7 },
            new() { MaxOutputTokens = 50 },
            new() { StopSequences = ["END"] },
            new() { ResponseFormat = ChatResponseFormat.Json },
        ];
        foreach (var v in variants)
        {
            await client.GetResponseAsync(Ask("same question"), v);
        }

        foreach (var v in variants)
        {
            await client.GetResponseAsync(Ask("same question"), v);
        }

        Assert.Equal(variants.Length, server.ChatRequests);
    }

    [Fact]
    public async Task Concurrent_identical_requests_make_one_call()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(200);
        using var dir = new TempDirectory();
        await using var hub = Endpoints.Hub(Endpoints.For(server), dir.File("cache.db"));
        var client = hub.GetClient("m1", "generator");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetResponseAsync(Ask("the same"))));
        Assert.Equal(1, server.ChatRequests);
        Assert.All(answers, a => Assert.Equal("echo: the same", a.Text));
        Assert.Equal(9, hub.Usage().Total.CacheHits);
    }

    [Fact]
    public async Task Requests_waiting_on_a_failing_call_share_its_failure_without_calling_again()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(200);
        server.Responder = _ => TestReply.Error(400);
        using var dir = new TempDirectory();
        await using var hub = Endpoints.Hub(Endpoints.For(server), dir.File("cache.db"));
        var client = hub.GetClient("m1", "generator");

        var attempts = Enumerable.Range(0, 5).Select(_ => Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync(Ask("doomed")))).ToList();
        var errors = await Task.WhenAll(attempts);

        Assert.All(errors, e => Assert.Equal(400, e.StatusCode));
        Assert.Equal(1, server.ChatRequests);
        Assert.Equal((5L, 1L), (hub.Usage().Total.Failures, hub.Usage().Total.Calls));
        await hub.Cache!.FlushAsync();
        Assert.Equal(0, hub.Cache.Count());
    }

    [Fact]
    public async Task A_second_hub_on_the_file_of_an_abandoned_one_serves_from_cache()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var live = dir.File("cache.db");
        var endpoint = Endpoints.For(server);
        // The first hub is never disposed: its pooled connections stay open, the WAL is not checkpointed.
        var abandoned = Endpoints.Hub(endpoint, live);
        var client = abandoned.GetClient("m1", "generator");
        for (var i = 0; i < 20; i++)
        {
            await client.GetResponseAsync(Ask($"item {i}"));
        }

        // What a killed process leaves on disk once its answers are committed: the files as they are now.
        await abandoned.Cache!.FlushAsync();
        var copy = dir.File("copy.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(live + suffix))
            {
                using var source = new FileStream(live + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var target = File.Create(copy + suffix);
                source.CopyTo(target);
            }
        }

        foreach (var path in new[] { live, copy })
        {
            await using var resumed = Endpoints.Hub(endpoint, path);
            var again = resumed.GetClient("m1", "generator");
            for (var i = 0; i < 21; i++)
            {
                await again.GetResponseAsync(Ask($"item {i}"));
            }

            Assert.Equal(20, resumed.Usage().Total.CacheHits);
        }

        Assert.Equal(20 + 2, server.ChatRequests); // only "item 20", once per resumed hub
        await abandoned.DisposeAsync();
    }

    [Fact]
    public async Task An_identical_request_right_after_an_answer_is_served_while_the_answer_is_being_stored()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        await using var hub = Endpoints.Hub(Endpoints.For(server), dir.File("cache.db"));
        var client = hub.GetClient("m1", "generator");

        for (var i = 0; i < 50; i++)
        {
            await client.GetResponseAsync(Ask($"q{i}"));
            await client.GetResponseAsync(Ask($"q{i}"));
        }

        Assert.Equal(50, server.ChatRequests);
        Assert.Equal(50, hub.Usage().Total.CacheHits);
    }

    [Fact]
    public async Task Two_hubs_writing_one_file_at_once_keep_every_answer()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var path = dir.File("shared.db");
        var endpoint = Endpoints.For(server, maxConcurrency: 16);
        await using var a = Endpoints.Hub(endpoint, path);
        await using var b = Endpoints.Hub(endpoint, path);
        var work = Enumerable.Range(0, 100).Select(i =>
            (i % 2 == 0 ? a : b).GetClient("m1", "generator").GetResponseAsync(Ask($"parallel {i}")));
        await Task.WhenAll(work);
        await Task.WhenAll(a.Cache!.FlushAsync(), b.Cache!.FlushAsync());
        Assert.Equal(100, a.Cache.Count());
    }
}
