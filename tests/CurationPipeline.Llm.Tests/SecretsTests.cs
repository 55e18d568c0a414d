using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class SecretsTests
{
    private const string Secret = "sk-test-0123456789-DO-NOT-LEAK";

    private static ModelHub Hub(EndpointOptions endpoint, string cachePath, TestLoggerFactory logs) =>
        ModelHub.Create(EndpointsFile.From([endpoint]), new ModelHubOptions
        {
            CachePath = cachePath,
            TimeProvider = new AutoAdvanceTimeProvider(),
            LoggerFactory = logs,
            MaxRetries = 1,
            GetEnvironmentVariable = name => name == "TEST_LLM_KEY" ? Secret : null,
        });

    [Fact]
    public async Task The_key_is_sent_but_never_logged_nor_cached()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        var logs = new TestLoggerFactory();
        var cachePath = dir.File("cache.db");
        await using (var hub = Hub(Endpoints.For(server, apiKeyEnv: "TEST_LLM_KEY"), cachePath, logs))
        {
            var client = hub.GetClient("m1", "generator");
            await client.GetResponseAsync([new ChatMessage(ChatRole.User, "patient note")]);
            server.EnqueueFaults(TestReply.ServerError(), TestReply.Error(401), TestReply.Error(401));
            var e = await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "second")]));
            Assert.DoesNotContain(Secret, e.ToString());
            Assert.DoesNotContain(Secret, hub.Usage().ToJson());
        }

        Assert.Equal("Bearer " + Secret, server.Requests[0].Headers["authorization"]);
        Assert.Contains(logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.DoesNotContain("patient note", logs.AllText); // contents stay out even with Trace enabled
        Assert.DoesNotContain(Secret, logs.AllText);
        foreach (var file in Directory.GetFiles(dir.Path))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file));
        }
    }

    [Fact]
    public async Task A_custom_key_header_carries_the_key()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        await using var hub = Hub(Endpoints.For(server, apiKeyEnv: "TEST_LLM_KEY", apiKeyHeader: "api-key"), dir.File("c.db"), new TestLoggerFactory());

        await hub.GetClient("m1", "generator").GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        Assert.Equal(Secret, server.Requests[0].Headers["api-key"]);
        Assert.False(server.Requests[0].Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task No_key_configured_sends_no_credentials()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var hub = Endpoints.Hub(Endpoints.For(server));

        await hub.GetClient("m1", "generator").GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        Assert.False(server.Requests[0].Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task A_missing_key_variable_is_named_without_any_value()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        using var dir = new TempDirectory();
        await using var hub = Hub(Endpoints.For(server, apiKeyEnv: "UNSET_LLM_KEY"), dir.File("c.db"), new TestLoggerFactory());

        var e = Assert.Throws<EndpointConfigurationException>(() => hub.GetClient("m1", "generator"));

        Assert.Contains("UNSET_LLM_KEY", e.Message);
        Assert.Contains("m1", e.Message);
    }
}
