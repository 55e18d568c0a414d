using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class ThrottlingTests
{
    private static List<ChatMessage> Ask(string question) => [new(ChatRole.User, question)];

    [Fact]
    public async Task The_server_never_sees_more_than_max_concurrency_requests_at_once()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(100);
        await using var hub = Endpoints.Hub(Endpoints.For(server, maxConcurrency: 3));
        var client = hub.GetClient("m1", "generator");

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.GetResponseAsync(Ask($"q{i}"))));

        Assert.Equal(24, server.ChatRequests);
        Assert.Equal(3, server.MaxInFlight);
    }

    [Fact]
    public async Task Requests_per_minute_spread_requests_over_time()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        // 1,200 a minute: 20 a second, of which a second's worth may go at once.
        await using var hub = Endpoints.Hub(Endpoints.For(server, maxConcurrency: 64, requestsPerMinute: 1200), time: TimeProvider.System);
        var client = hub.GetClient("m1", "generator");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.GetResponseAsync(Ask($"q{i}"))));

        var arrivals = server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(50, arrivals.Count);
        // 20 at once, then 30 more at 20 a second: the last arrives at least 1.5 s after the first.
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromSeconds(1.4), $"took {arrivals[^1] - arrivals[0]}");
        // No one-second window holds more than the burst plus one second's worth.
        for (var i = 0; i < arrivals.Count; i++)
        {
            Assert.True(arrivals.Count(a => a >= arrivals[i] && a < arrivals[i] + TimeSpan.FromSeconds(1)) <= 41);
        }
    }

    [Fact]
    public async Task Tokens_per_minute_count_a_Chinese_prompt_by_its_tokens_not_a_quarter_of_its_length()
    {
        // 60,000 a minute: a bucket of 10,000 tokens, refilled at 1,000 a second.
        var (server, hub) = await TokenLimitedAsync(tokensPerMinute: 60_000);
        await using var _ = server;
        await using var __ = hub;
        var client = hub.GetClient("m1", "generator");
        var note = string.Concat(ClinicalText.Chinese);
        var tokens = ClinicalText.O200k.CountTokens(note);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var calls = Enumerable.Range(0, 40).Select(i => client.GetResponseAsync(Ask($"{i}：{note}"), cancellationToken: cts.Token)).ToList();
        await Task.WhenAll(calls.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        // In 1.5 s the bucket lets about 11,500 tokens through: some 18 notes of ~640 tokens, where counting a
        // quarter of the characters (~180 a note) would have let all 40 through at once.
        Assert.InRange(server.ChatRequests, (int)(10_000 * 0.8 / tokens), (int)(12_500 * 1.25 / tokens) + 1);
        Assert.InRange(note.Length / 4.0 / tokens, 0, 0.34);
    }

    [Fact]
    public async Task A_request_larger_than_the_token_bucket_still_goes_and_a_cancelled_waiter_gives_up_its_place()
    {
        // 600 a minute: a bucket of 100 tokens, refilled at 10 a second; the note is some 640.
        var (server, hub) = await TokenLimitedAsync(tokensPerMinute: 600);
        await using var _ = server;
        await using var __ = hub;
        var client = hub.GetClient("m1", "generator");
        var note = string.Concat(ClinicalText.Chinese);

        // The bucket is full: the note goes at once, taking all of it.
        await client.GetResponseAsync(Ask(note));
        // A second one needs a full bucket again (10 s); its caller gives up first, and nothing is sent.
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Ask("再问一次：" + note), cancellationToken: soon.Token));
        Assert.Equal(1, server.ChatRequests);
        // It took nothing with it: a short question goes as soon as its few tokens have refilled (well under a second).
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.GetResponseAsync(Ask("好"), cancellationToken: guard.Token);
        Assert.Equal(2, server.ChatRequests);
        Assert.Equal(0, hub.Usage().Total.Failures);
    }

    /// <summary>A server that answers "好" at one token each way, and a hub with a tokens-per-minute limit on the wall clock.</summary>
    private static async Task<(OpenAiTestServer Server, ModelHub Hub)> TokenLimitedAsync(int tokensPerMinute)
    {
        var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => new TestReply { Content = "好", PromptTokens = 1, CompletionTokens = 1 };
        var endpoint = new EndpointOptions
        {
            Name = "m1",
            BaseUrl = server.BaseUrl,
            Model = "test-model",
            MaxConcurrency = 64,
            TokensPerMinute = tokensPerMinute,
            MaxTokens = 1,
        };
        return (server, Endpoints.Hub(endpoint, time: TimeProvider.System));
    }
}
