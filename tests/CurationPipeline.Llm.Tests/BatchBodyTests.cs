using System.Text.Json.Nodes;
using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

/// <summary>A batch line's body is the body the SDK sends for the same request directly, whatever options it carries.</summary>
public class BatchBodyTests
{
    private static readonly System.Text.Json.JsonElement Schema = AIJsonUtilities.CreateJsonSchema(typeof(Dictionary<string, int>));

    public static TheoryData<string> Cases => ["plain", "conversation", "json", "schema", "unnamed-schema", "defaults", "two-parts", "instructions"];

    private static (List<ChatMessage> Messages, ChatOptions? Options) Case(string name) => name switch
    {
        "plain" => ([new(ChatRole.User, "plain 问题")], null),
        "conversation" => (
            [new(ChatRole.System, "你是医生。"), new(ChatRole.User, "conversation \"quoted\" 胸痛") { AuthorName = "patient" }, new(ChatRole.Assistant, "请描述。"), new(ChatRole.User, "持续两小时")],
            new ChatOptions { Temperature = 0.7f, TopP = 0.95f, TopK = 40, Seed = 123, MaxOutputTokens = 77, StopSequences = ["##", "END"], FrequencyPenalty = 0.1f, PresencePenalty = -0.2f }),
        "json" => ([new(ChatRole.User, "json")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }),
        "schema" => ([new(ChatRole.User, "schema")], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "Verdict", "a verdict"), Temperature = 0 }),
        "unnamed-schema" => ([new(ChatRole.User, "unnamed")], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema) }),
        "defaults" => ([new(ChatRole.User, "defaults")], new ChatOptions { AdditionalProperties = new() { [ResponseProperties.Trial] = 2 } }),
        "two-parts" => ([new(ChatRole.User, [new TextContent("two-parts one"), new TextContent("two")])], null),
        _ => ([new(ChatRole.User, "instructions")], new ChatOptions { Instructions = "只回答字母。" }),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_batch_line_carries_the_body_the_SDK_sends_directly(string name)
    {
        await using var server = await OpenAiTestServer.StartAsync();
        EndpointOptions Endpoint(string n, bool batch, bool legacy) => new()
        {
            Name = n, BaseUrl = server.BaseUrl, Model = legacy ? "legacy-model" : "test-model", SupportsJsonSchema = true, Temperature = 0.2f, Seed = 9, MaxTokens = 500,
            UseLegacyMaxTokens = legacy, Batch = batch, BatchFlushSeconds = 0.05, BatchPollSeconds = 0.02,
        };

        foreach (var legacy in new[] { false, true })
        {
            server.ResetCounters();
            var (messages, options) = Case(name);
            await using (var direct = ModelHub.Create(EndpointsFile.From([Endpoint("d", batch: false, legacy)]), new ModelHubOptions()))
            {
                await direct.GetClient("d", "x").GetResponseAsync(messages, options);
            }

            await using (var batched = ModelHub.Create(EndpointsFile.From([Endpoint("b", batch: true, legacy)]), new ModelHubOptions()))
            {
                await batched.GetClient("b", "x").GetResponseAsync(messages, options);
            }

            var sent = JsonNode.Parse(Assert.Single(server.Requests, r => r.BatchId is null).RawBody);
            var line = JsonNode.Parse(server.Batches[^1].Lines.Single().Body);
            Assert.True(JsonNode.DeepEquals(sent, line), $"direct: {sent!.ToJsonString()}\nbatch:  {line!.ToJsonString()}");
        }
    }
}
