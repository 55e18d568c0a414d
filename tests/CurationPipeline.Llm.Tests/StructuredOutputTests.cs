using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

public class StructuredOutputTests
{
    public sealed record Verdict(string Answer, int Score);

    private static List<ChatMessage> Ask() => [new(ChatRole.User, "Which option is right? Score your confidence 1-5.")];

    private static IReadOnlyList<string> ScoreInRange(Verdict v) =>
        v.Score is >= 1 and <= 5 ? [] : [$"score must be from 1 to 5, got {v.Score}"];

    [Fact]
    public async Task Re_asks_after_prose_and_then_succeeds()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.NotRequestedJson());
        server.Responder = _ => TestReply.Json(new { answer = "B", score = 4 });
        await using var hub = Endpoints.Hub(Endpoints.For(server));

        var result = await hub.GetClient("m1", "judge").GetJsonAsync<Verdict>(Ask(), ScoreInRange);

        Assert.Equal(new Verdict("B", 4), result.Value);
        Assert.Equal(2, result.Attempts);
        var second = server.Requests[1];
        Assert.Contains(second.Messages, m => m.Role == "assistant" && m.Content.StartsWith("I am sorry", StringComparison.Ordinal));
        Assert.Contains("no JSON value", second.Messages[^1].Content);
    }

    [Fact]
    public async Task Validation_errors_are_sent_back_with_the_re_ask()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.EnqueueFaults(TestReply.Json(new { answer = "B", score = 9 }));
        server.Responder = _ => TestReply.Text("<think>the user wants JSON</think>\n```json\n{\"answer\": \"C\", \"score\": 2}\n```\nHope this helps!");
        await using var hub = Endpoints.Hub(Endpoints.For(server));

        var result = await hub.GetClient("m1", "judge").GetJsonAsync<Verdict>(Ask(), ScoreInRange);

        Assert.Equal(new Verdict("C", 2), result.Value);
        Assert.Contains("score must be from 1 to 5, got 9", server.Requests[1].Messages[^1].Content);
    }

    [Fact]
    public async Task Persistent_failure_throws_with_the_raw_answer_kept()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Text("Honestly I think it is B.");
        await using var hub = Endpoints.Hub(Endpoints.For(server, name: "judge-1"));

        var e = await Assert.ThrowsAsync<LlmException>(() =>
            hub.GetClient("judge-1", "judge").GetJsonAsync<Verdict>(Ask(), options: new StructuredOutputOptions { MaxReasks = 2 }));

        Assert.Equal("Honestly I think it is B.", e.RawResponse);
        Assert.Equal(3, e.Attempts);
        Assert.Equal("judge-1", e.Endpoint);
        Assert.Equal(3, server.ChatRequests);
    }

    [Fact]
    public async Task Json_schema_is_sent_only_where_the_endpoint_supports_it()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => TestReply.Json(new { answer = "A", score = 1 });
        await using var hub = Endpoints.Hub(
        [
            Endpoints.For(server, name: "with", model: "a", supportsJsonSchema: true),
            Endpoints.For(server, name: "without", model: "b"),
        ]);

        await hub.GetClient("with", "judge").GetJsonAsync<Verdict>(Ask());
        await hub.GetClient("without", "judge").GetJsonAsync<Verdict>(Ask());

        var with = server.Requests.Single(r => r.Model == "a");
        var without = server.Requests.Single(r => r.Model == "b");
        Assert.Equal("json_schema", with.ResponseFormatType);
        Assert.True(with.JsonSchema!.Value.GetProperty("properties").TryGetProperty("score", out _));
        Assert.Null(without.ResponseFormatType);
        Assert.Contains("\"score\"", without.Messages[0].Content); // the schema is spelled out instead
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("```json\n{\"a\": [1, 2]}\n```", "{\"a\": [1, 2]}")]
    [InlineData("<think>maybe {not json}</think>\n{\"a\":\"}\"}", "{\"a\":\"}\"}")]
    [InlineData("Sure! Here it is: {\"a\": {\"b\": 2}} Let me know if you need more.", "{\"a\": {\"b\": 2}}")]
    [InlineData("The set {x} is empty, so: [1, 2, 3]", "[1, 2, 3]")]
    [InlineData("<THINK>\nhmm\n</THINK>```\n[\"x\"]\n```", "[\"x\"]")]
    public void TryExtractJson_finds_the_json_value(string text, string expected)
    {
        Assert.True(StructuredOutput.TryExtractJson(text, out var json));
        Assert.Equal(expected, json);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no json here")]
    [InlineData("<think>{\"a\": 1} but thinking never ends")]
    [InlineData("{\"a\": 1")]
    public void TryExtractJson_rejects_text_without_json(string text) =>
        Assert.False(StructuredOutput.TryExtractJson(text, out _));
}
