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
    public async Task Rate_limit_waits_run_on_the_injected_clock()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        var time = new AutoAdvanceTimeProvider();
        await using var hub = Endpoints.Hub(Endpoints.For(server, requestsPerMinute: 30), time: time);
        var client = hub.GetClient("m1", "generator");

        for (var i = 0; i < 4; i++)
        {
            await client.GetResponseAsync(Ask($"q{i}"));
        }

        // 30 a minute is one every 2 s: the first goes at once, the next three wait 2 s each.
        Assert.Equal(3, time.Delays.Count);
        Assert.All(time.Delays, d => Assert.InRange(d.TotalSeconds, 1.99, 2.01));
    }
}
