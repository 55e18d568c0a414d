using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class ModelHubTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v1/")]
    public async Task A_parsed_endpoints_file_reaches_the_server_with_or_without_a_trailing_slash(string suffix)
    {
        await using var server = await OpenAiTestServer.StartAsync();
        var root = server.BaseUrl.GetLeftPart(UriPartial.Authority);
        var file = EndpointsFile.Parse($"""
            endpoints:
              - name: m1
                base_url: {root}/{suffix}
                model: qwen2.5-72b-instruct
                max_concurrency: 4
                requests_per_minute: 600
            """, "endpoints.yaml");
        await using var hub = ModelHub.Create(file, new ModelHubOptions());

        var response = await hub.GetClient("m1", "generator").GetResponseAsync([new ChatMessage(ChatRole.User, "ping")]);

        Assert.Equal("echo: ping", response.Text);
        Assert.Equal("qwen2.5-72b-instruct", server.Requests.Single().Model);
        Assert.Equal(["m1"], hub.EndpointNames);
    }

    [Fact]
    public async Task Streaming_requests_are_served_through_the_same_middleware()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        await using var hub = Endpoints.Hub(Endpoints.For(server), dir.File("c.db"));
        var client = hub.GetClient("m1", "evaluate");

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "stream me")]))
        {
            text += update.Text;
        }

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "stream me")]);
        Assert.Equal("echo: stream me", text);
        Assert.Equal(1, server.ChatRequests);
        Assert.Equal(1, hub.Usage().Total.CacheHits);
    }

    [Fact]
    public async Task Clients_are_reused_per_target_and_role_and_survive_disposal()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var hub = Endpoints.Hub(Endpoints.For(server));
        var a = hub.GetClient("m1", "judge");
        Assert.Same(a, hub.GetClient("m1", "judge"));
        Assert.NotSame(a, hub.GetClient("m1", "tagger"));

        hub.GetClient("m1", "tagger").Dispose();
        var response = await a.GetResponseAsync([new ChatMessage(ChatRole.User, "still here")]);
        Assert.Equal("echo: still here", response.Text);
    }
}
