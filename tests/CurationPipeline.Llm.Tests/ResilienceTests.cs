using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class ResilienceTests
{
    private static List<ChatMessage> Ask(string question) => [new(ChatRole.User, question)];

    [Fact]
    public async Task Retries_a_429_after_the_wait_its_retry_after_asks_for()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.TooManyRequests(TimeSpan.FromSeconds(7)));
        var time = new AutoAdvanceTimeProvider();
        await using var hub = Endpoints.Hub(Endpoints.For(server), time: time);

        var response = await hub.GetClient("m1", "generator").GetResponseAsync(Ask("hello"));

        Assert.Equal("echo: hello", response.Text);
        Assert.Equal(2, server.ChatRequests);
        Assert.Contains(TimeSpan.FromSeconds(7), time.Delays);
        var usage = hub.Usage().Total;
        Assert.Equal((1, 2, 1, 0), (usage.Requests, usage.Calls, usage.Retries, usage.Failures));
    }

    [Fact]
    public async Task Retries_server_errors_dropped_connections_and_garbled_bodies_with_growing_backoff()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.ServerError(), TestReply.DroppedConnection(), TestReply.MalformedJson(), TestReply.Error(503));
        var time = new AutoAdvanceTimeProvider();
        await using var hub = Endpoints.Hub(Endpoints.For(server), time: time);

        var response = await hub.GetClient("m1", "generator").GetResponseAsync(Ask("hello"));

        Assert.Equal("echo: hello", response.Text);
        Assert.Equal(5, server.ChatRequests);
        Assert.Equal(4, hub.Usage().Total.Retries);
        Assert.Equal(4, response.AdditionalProperties![ResponseProperties.Attempts] is int a ? a - 1 : -1);
        // Exponential backoff with (decorrelated) jitter from a 1 s base: four waits, none zero, and the later
        // ones reach beyond the first (jitter can make one later wait shorter, so compare with the longest).
        var waits = time.Delays.ToList();
        Assert.Equal(4, waits.Count);
        Assert.All(waits, w => Assert.True(w > TimeSpan.Zero));
        Assert.True(waits.Skip(1).Max() > waits[0]);
    }

    [Fact]
    public async Task Exhausted_retries_throw_an_LlmException_naming_endpoint_model_and_status()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Error(503);
        await using var hub = Endpoints.Hub(Endpoints.For(server, name: "panel-3", model: "qwen-test"), maxRetries: 2);

        var e = await Assert.ThrowsAsync<LlmException>(() => hub.GetClient("panel-3", "calibration").GetResponseAsync(Ask("x")));

        Assert.Equal(("panel-3", "qwen-test", 503, 3), (e.Endpoint, e.Model, e.StatusCode, e.Attempts));
        Assert.Contains("panel-3", e.Message);
        Assert.Contains("qwen-test", e.Message);
        Assert.Contains("503", e.Message);
        Assert.Equal(3, server.ChatRequests);
        var usage = hub.Usage().Rows.Single();
        Assert.Equal(("panel-3", "calibration", 1L, 3L, 2L), (usage.Endpoint, usage.Role, usage.Failures, usage.Calls, usage.Retries));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Error(400);
        await using var hub = Endpoints.Hub(Endpoints.For(server));

        var e = await Assert.ThrowsAsync<LlmException>(() => hub.GetClient("m1", "judge").GetResponseAsync(Ask("x")));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal(1, server.ChatRequests);
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_and_is_retried()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.Text("late").WithDelay(TimeSpan.FromSeconds(5)));
        await using var hub = Endpoints.Hub(Endpoints.For(server, timeoutSeconds: 0.5));

        var response = await hub.GetClient("m1", "generator").GetResponseAsync(Ask("quick"));

        Assert.Equal("echo: quick", response.Text);
        Assert.Equal(2, server.ChatRequests);
    }

    [Fact]
    public async Task Timeouts_to_the_end_give_status_zero_and_say_so()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromSeconds(5);
        await using var hub = Endpoints.Hub(Endpoints.For(server, timeoutSeconds: 0.3), maxRetries: 1);

        var e = await Assert.ThrowsAsync<LlmException>(() => hub.GetClient("m1", "generator").GetResponseAsync(Ask("x")));

        Assert.Equal(0, e.StatusCode);
        Assert.Contains("timed out", e.Message);
        Assert.Equal(2, e.Attempts);
    }

    [Fact]
    public async Task The_sdk_does_not_retry_on_its_own()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.ServerError();
        await using var hub = Endpoints.Hub(Endpoints.For(server), maxRetries: 0);

        await Assert.ThrowsAsync<LlmException>(() => hub.GetClient("m1", "generator").GetResponseAsync(Ask("x")));

        Assert.Equal(1, server.ChatRequests);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_failure()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Latency = TimeSpan.FromSeconds(5);
        await using var hub = Endpoints.Hub(Endpoints.For(server));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hub.GetClient("m1", "generator").GetResponseAsync(Ask("x"), cancellationToken: cts.Token));

        Assert.Equal(0, hub.Usage().Total.Failures);
    }
}
