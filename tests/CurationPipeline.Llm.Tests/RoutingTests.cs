using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class RoutingTests
{
    [Fact]
    public async Task Requests_for_a_model_spread_over_the_endpoints_serving_it()
    {
        await using var fast = await OpenAiTestServer.StartAsync();
        await using var slow = await OpenAiTestServer.StartAsync();
        fast.Latency = TimeSpan.FromMilliseconds(30);
        slow.Latency = TimeSpan.FromMilliseconds(300);
        await using var hub = Endpoints.Hub(
        [
            Endpoints.For(fast, name: "gpu-a", model: "shared-model", maxConcurrency: 4),
            Endpoints.For(slow, name: "gpu-b", model: "shared-model", maxConcurrency: 4),
        ]);
        var client = hub.GetClient("shared-model", "generator");

        // Eight workers, as a pipeline stage with a degree of parallelism of 8 would send them.
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < 60; i = Interlocked.Increment(ref next))
            {
                await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"q{i}")]);
            }
        }));

        Assert.Equal(60, fast.ChatRequests + slow.ChatRequests);
        Assert.True(slow.ChatRequests >= 4, $"slow got {slow.ChatRequests}");
        Assert.True(fast.ChatRequests > 2 * slow.ChatRequests, $"fast {fast.ChatRequests}, slow {slow.ChatRequests}");
        var byEndpoint = hub.Usage().ByEndpoint.ToDictionary(r => r.Endpoint, r => r.Calls);
        Assert.Equal(fast.ChatRequests, byEndpoint["gpu-a"]);
        Assert.Equal(slow.ChatRequests, byEndpoint["gpu-b"]);
    }

    [Fact]
    public async Task Equal_endpoints_share_the_load_evenly()
    {
        await using var a = await OpenAiTestServer.StartAsync();
        await using var b = await OpenAiTestServer.StartAsync();
        a.Latency = b.Latency = TimeSpan.FromMilliseconds(50);
        await using var hub = Endpoints.Hub([Endpoints.For(a, name: "a", model: "m"), Endpoints.For(b, name: "b", model: "m")]);
        var client = hub.GetClient("m", "tagger");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.GetResponseAsync([new ChatMessage(ChatRole.User, $"q{i}")])));

        Assert.InRange(a.ChatRequests, 14, 26);
        Assert.Equal(40, a.ChatRequests + b.ChatRequests);
    }

    [Fact]
    public async Task An_unknown_name_is_a_clear_error()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var hub = Endpoints.Hub(Endpoints.For(server));
        var e = Assert.Throws<ArgumentException>(() => hub.GetClient("nope", "judge"));
        Assert.Contains("nope", e.Message);
        Assert.Contains("m1", e.Message);
    }
}
