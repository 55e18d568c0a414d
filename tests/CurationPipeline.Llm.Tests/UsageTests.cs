using System.Text.Json;
using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class UsageTests
{
    [Fact]
    public async Task Usage_is_counted_per_endpoint_and_role_with_cost()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => new TestReply { Content = "ok", PromptTokens = 1000, CompletionTokens = 200 };
        var endpoint = new EndpointOptions
        {
            Name = "priced",
            BaseUrl = server.BaseUrl,
            Model = "test-model",
            PromptPricePerMillion = 2m,
            CompletionPricePerMillion = 10m,
        };
        await using var hub = Endpoints.Hub(endpoint);

        for (var i = 0; i < 3; i++)
        {
            await hub.GetClient("priced", "generator").GetResponseAsync([new ChatMessage(ChatRole.User, $"g{i}")]);
        }

        await hub.GetClient("test-model", "judge").GetResponseAsync([new ChatMessage(ChatRole.User, "j")]);

        var usage = hub.Usage();
        var generator = usage.Rows.Single(r => r.Role == "generator");
        Assert.Equal(("priced", "test-model", 3L, 3000L, 600L), (generator.Endpoint, generator.Model, generator.Calls, generator.PromptTokens, generator.CompletionTokens));
        Assert.Equal(0.012m, generator.EstimatedCost); // 3000 * 2 / 1e6 + 600 * 10 / 1e6
        Assert.Equal(0.016m, usage.Total.EstimatedCost);
        Assert.Equal(4, usage.ByEndpoint.Single().Calls);
        Assert.Equal(["generator", "judge"], usage.ByRole.Select(r => r.Role));

        using var json = JsonDocument.Parse(usage.ToJson());
        Assert.Equal(4, json.RootElement.GetProperty("total").GetProperty("calls").GetInt64());
        Assert.Equal("judge", json.RootElement.GetProperty("rows")[1].GetProperty("role").GetString());

        var table = usage.ToTable().Split('\n');
        Assert.StartsWith("endpoint", table[0]);
        Assert.Contains(table, l => l.StartsWith("priced", StringComparison.Ordinal) && l.Contains("generator", StringComparison.Ordinal) && l.Contains("3,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoint_defaults_are_sent_and_caller_options_win()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var hub = Endpoints.Hub(Endpoints.For(server, temperature: 0.2f, seed: 11, maxTokens: 300));
        var client = hub.GetClient("m1", "generator");

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "a")]);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "b")], new ChatOptions { Temperature = 0.9f, Seed = 5, MaxOutputTokens = 20, StopSequences = ["##"] });

        var (first, second) = (server.Requests[0], server.Requests[1]);
        Assert.Equal((0.2, 11L, 300), (Math.Round(first.Temperature!.Value, 3), first.Seed, first.MaxTokens));
        Assert.Equal((0.9, 5L, 20), (Math.Round(second.Temperature!.Value, 3), second.Seed, second.MaxTokens));
        Assert.Equal(["##"], second.Stop);
        Assert.Equal("test-model", first.Model);
    }

    [Theory]
    [InlineData(false, "\"max_completion_tokens\":64")]
    [InlineData(true, "\"max_tokens\":64")]
    public async Task The_token_limit_goes_in_the_field_the_server_knows(bool legacy, string expected)
    {
        await using var server = await OpenAiTestServer.StartAsync();
        var endpoint = new EndpointOptions { Name = "m1", BaseUrl = server.BaseUrl, Model = "x", MaxTokens = 64, UseLegacyMaxTokens = legacy };
        await using var hub = Endpoints.Hub(endpoint);

        await hub.GetClient("m1", "generator").GetResponseAsync([new ChatMessage(ChatRole.User, "a")]);

        var body = server.Requests.Single().RawBody;
        Assert.Contains(expected, body);
        Assert.Equal(1, body.Split("max_").Length - 1);
        Assert.Equal(64, server.Requests.Single().MaxTokens);
    }

    [Fact]
    public async Task The_test_server_lists_models()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Models = ["a", "b"];
        using var http = new HttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.BaseUrl, "models")));
        Assert.Equal(["a", "b"], doc.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(1, server.ModelRequests);
    }
}
