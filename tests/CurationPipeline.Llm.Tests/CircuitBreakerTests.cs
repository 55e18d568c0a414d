using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class CircuitBreakerTests
{
    private static ModelHub Hub(IEnumerable<EndpointOptions> endpoints, int maxRetries) =>
        ModelHub.Create(EndpointsFile.From(endpoints), new ModelHubOptions
        {
            TimeProvider = new AutoAdvanceTimeProvider(),
            MaxRetries = maxRetries,
            Resilience = new ResilienceOptions
            {
                BreakerMinimumThroughput = 4,
                BreakerFailureRatio = 0.5,
                BreakerSamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromMinutes(5),
            },
        });

    [Fact]
    public async Task A_failing_endpoint_opens_its_circuit_and_further_calls_fail_fast()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.ServerError();
        await using var hub = Hub([Endpoints.For(server, name: "sick")], maxRetries: 0);
        var client = hub.GetClient("sick", "generator");

        var errors = new List<LlmException>();
        for (var i = 0; i < 8; i++)
        {
            errors.Add(await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, $"q{i}")])));
        }

        Assert.Equal(4, server.ChatRequests);
        Assert.All(errors.Take(4), e => Assert.Equal(500, e.StatusCode));
        Assert.All(errors.Skip(4), e => Assert.Contains("circuit open", e.Message));
        Assert.All(errors.Skip(4), e => Assert.Equal("sick", e.Endpoint));
    }

    [Fact]
    public async Task Load_spreading_sends_new_requests_past_an_endpoint_whose_circuit_is_open()
    {
        await using var sick = await OpenAiTestServer.StartAsync();
        await using var healthy = await OpenAiTestServer.StartAsync();
        sick.Responder = _ => TestReply.ServerError();
        await using var hub = Hub([Endpoints.For(sick, name: "sick", model: "m"), Endpoints.For(healthy, name: "healthy", model: "m")], maxRetries: 0);
        var client = hub.GetClient("m", "generator");

        var failures = 0;
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"q{i}")]);
            }
            catch (LlmException e) when (e.Endpoint == "sick")
            {
                failures++;
            }
        }

        // Ties alternate, so the sick endpoint gets every other request until its circuit opens after
        // four failures; from then on every request goes to the healthy one.
        Assert.Equal((4, 4L, 36L), (failures, sick.ChatRequests, healthy.ChatRequests));
    }

    [Fact]
    public async Task Retries_move_to_another_endpoint_serving_the_model()
    {
        await using var sick = await OpenAiTestServer.StartAsync();
        await using var healthy = await OpenAiTestServer.StartAsync();
        sick.Responder = _ => TestReply.ServerError();
        await using var hub = Hub([Endpoints.For(sick, name: "sick", model: "m"), Endpoints.For(healthy, name: "healthy", model: "m")], maxRetries: 5);
        var client = hub.GetClient("m", "generator");

        for (var i = 0; i < 40; i++)
        {
            var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, $"q{i}")]);
            Assert.Equal($"echo: q{i}", response.Text);
            Assert.Equal("healthy", response.AdditionalProperties![ResponseProperties.Endpoint]);
        }

        // The sick endpoint got a few attempts until its circuit opened; every request still succeeded.
        Assert.Equal(4, sick.ChatRequests);
        Assert.Equal(40, healthy.ChatRequests);
        Assert.Equal(0, hub.Usage().Total.Failures);
    }
}
