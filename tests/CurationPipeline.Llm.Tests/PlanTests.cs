using CurationPipeline.Testing;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm.Tests;

/// <summary>Plan mode: what a run would call and cost, from the cache and estimates, with nothing sent.</summary>
public class PlanTests
{
    private static List<ChatMessage> Ask(string question) => [new(ChatRole.User, question)];

    private static EndpointOptions Priced(OpenAiTestServer server, bool batch = false) => new()
    {
        Name = "p1",
        BaseUrl = server.BaseUrl,
        Model = "test-model",
        PromptPricePerMillion = 2m,
        CompletionPricePerMillion = 8m,
        Batch = batch,
        ApiKeyEnv = "PLAN_TEST_KEY_THAT_IS_NOT_SET",
    };

    [Fact]
    public async Task A_plan_counts_uncached_requests_once_with_estimated_tokens_and_sends_nothing()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => new TestReply { Content = "cached answer", PromptTokens = 50, CompletionTokens = 40 };
        using var dir = new TempDirectory();
        var cache = dir.File("cache.db");
        var endpoint = Priced(server);
        await using (var real = ModelHub.Create(EndpointsFile.From([endpoint]), new ModelHubOptions { CachePath = cache, GetEnvironmentVariable = _ => "key" }))
        {
            await real.GetClient("p1", "judge").GetResponseAsync(Ask("already asked"));
        }

        var sent = server.ChatRequests;
        await using var plan = ModelHub.Create(EndpointsFile.From([endpoint]), new ModelHubOptions { CachePath = cache, Plan = true });
        var client = plan.GetClient("p1", "judge");
        var cached = await client.GetResponseAsync(Ask("already asked"));
        var standIn = await client.GetResponseAsync(Ask("新的问题：患者头痛三天，应考虑哪些诊断？"));
        await client.GetResponseAsync(Ask("新的问题：患者头痛三天，应考虑哪些诊断？"));

        Assert.Equal(sent, server.ChatRequests); // nothing sent, and no API key needed
        Assert.Equal("cached answer", cached.Text);
        Assert.Equal(true, standIn.AdditionalProperties![ResponseProperties.Planned]);
        var row = plan.Usage().Total;
        Assert.Equal((1L, 2L), (row.Calls, row.CacheHits)); // the repeated request is one call of the run
        // Counted by the o200k tokenizer as OpenAI counts a prompt: the text, 3 tokens of format per message, 3 for the reply's start.
        Assert.Equal(ClinicalText.O200k.CountTokens("新的问题：患者头痛三天，应考虑哪些诊断？") + 3 + 3, row.PromptTokens);
        Assert.Equal(40, row.CompletionTokens); // the mean of the endpoint's answers under the role so far
        Assert.Equal(Pricing.Cost(endpoint, row.PromptTokens, 40, batched: false), row.EstimatedCost);
        Assert.Equal(0, new ResponseCache(cache).Count() - 1); // the stand-in was not stored
    }

    [Fact]
    public async Task A_batch_endpoint_is_planned_at_the_batch_price_and_structured_requests_get_a_readable_stand_in()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var plan = ModelHub.Create(EndpointsFile.From([Priced(server, batch: true)]), new ModelHubOptions { Plan = true });

        var verdict = await plan.GetClient("p1", "judge").GetJsonAsync<Verdict>(Ask("score it"), v => v.Score is >= 0 and <= 1 ? [] : ["score out of range"]);
        var reask = await Assert.ThrowsAsync<LlmException>(() =>
            plan.GetClient("p1", "generator").GetJsonAsync<Verdict>(Ask("needs a real answer"), v => v.Score is > 5 ? [] : ["score must be above 5"]));

        Assert.Equal((0.0, "", 1), (verdict.Value.Score, verdict.Value.Reasons, verdict.Attempts));
        Assert.Contains("re-ask", reask.Message, StringComparison.Ordinal);
        var usage = plan.Usage();
        Assert.Equal(2, usage.Total.Calls); // the two first asks; the re-ask is not planned
        Assert.Equal(2, usage.Total.Batched);
        var full = Pricing.Cost(Priced(server), usage.Total.PromptTokens, usage.Total.CompletionTokens, batched: false);
        Assert.Equal(full / 2, usage.Total.EstimatedCost);
        Assert.Equal(full / 2, usage.Total.SavedByBatch);
        Assert.Equal(0, server.ChatRequests + server.Batches.Count);
    }

    [Fact]
    public async Task Batched_answers_are_priced_at_the_discount_and_cache_hits_count_as_saved()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => new TestReply { Content = "ok", PromptTokens = 1000, CompletionTokens = 100 };
        using var dir = new TempDirectory();
        var endpoint = new EndpointOptions
        {
            Name = "b", BaseUrl = server.BaseUrl, Model = "test-model", PromptPricePerMillion = 2m, CompletionPricePerMillion = 10m,
            Batch = true, BatchFlushSeconds = 0.05, BatchPollSeconds = 0.02, BatchDiscount = 0.5m,
        };
        var hubOptions = new ModelHubOptions { CachePath = dir.File("c.db") };
        await using (var hub = ModelHub.Create(EndpointsFile.From([endpoint]), hubOptions))
        {
            await Task.WhenAll(hub.GetClient("b", "calibration").GetResponseAsync(Ask("a")), hub.GetClient("b", "calibration").GetResponseAsync(Ask("b")));
            var row = hub.Usage().Total;
            Assert.Equal((2L, 2L, 2000L, 200L), (row.Batched, row.Calls, row.BatchedPromptTokens, row.BatchedCompletionTokens));
            Assert.Equal(0.003m, row.EstimatedCost); // (2000 * 2 + 200 * 10) / 1e6, halved
            Assert.Equal(0.003m, row.SavedByBatch);
            Assert.NotNull(hub.Usage().Batches);
        }

        await using var again = ModelHub.Create(EndpointsFile.From([endpoint]), new ModelHubOptions { CachePath = dir.File("c.db") });
        await again.GetClient("b", "calibration").GetResponseAsync(Ask("a"));
        var cached = again.Usage().Total;
        Assert.Equal((1L, 0m, 0.0015m), (cached.CacheHits, cached.EstimatedCost, cached.SavedByCache)); // what asking it again would cost, by batch
    }

    private sealed record Verdict(double? Score, string? Reasons);
}
