using System.Text.Json.Serialization;

namespace CurationPipeline.Llm;

/// <summary>Counters of one endpoint under one role (or an aggregate, where a field reads <c>*</c>).</summary>
public sealed record UsageRow
{
    [JsonPropertyName("endpoint")] public required string Endpoint { get; init; }

    [JsonPropertyName("model")] public string? Model { get; init; }

    [JsonPropertyName("role")] public required string Role { get; init; }

    /// <summary>Requests made to the layer (answered, from cache or failed).</summary>
    [JsonPropertyName("requests")] public long Requests { get; init; }

    /// <summary>HTTP calls made to the endpoint, retries included.</summary>
    [JsonPropertyName("calls")] public long Calls { get; init; }

    [JsonPropertyName("cache_hits")] public long CacheHits { get; init; }

    [JsonPropertyName("retries")] public long Retries { get; init; }

    [JsonPropertyName("failures")] public long Failures { get; init; }

    /// <summary>Prompt tokens spent by calls made in this run (cache hits excluded).</summary>
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }

    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }

    /// <summary>Prompt tokens of answers served from the cache (spent in an earlier run, not again).</summary>
    [JsonPropertyName("cached_prompt_tokens")] public long CachedPromptTokens { get; init; }

    [JsonPropertyName("cached_completion_tokens")] public long CachedCompletionTokens { get; init; }

    /// <summary>Requests answered by a line of a provider batch (at the batch price).</summary>
    [JsonPropertyName("batched")] public long Batched { get; init; }

    [JsonPropertyName("batched_prompt_tokens")] public long BatchedPromptTokens { get; init; }

    [JsonPropertyName("batched_completion_tokens")] public long BatchedCompletionTokens { get; init; }

    /// <summary>Cost of the tokens spent, where the endpoint has prices (batched tokens at the batch price).</summary>
    [JsonPropertyName("estimated_cost")] public decimal? EstimatedCost { get; init; }

    /// <summary>What the answers served from the cache would have cost if asked again.</summary>
    [JsonPropertyName("saved_by_cache")] public decimal? SavedByCache { get; init; }

    /// <summary>The batch discount on the batched tokens.</summary>
    [JsonPropertyName("saved_by_batch")] public decimal? SavedByBatch { get; init; }

    private static decimal? SumOf(List<UsageRow> rows, Func<UsageRow, decimal?> value) =>
        rows.Any(r => value(r) is not null) ? rows.Sum(r => value(r) ?? 0m) : null;

    internal static UsageRow Sum(string endpoint, string role, string? model, IEnumerable<UsageRow> rows)
    {
        var list = rows.ToList();
        return new UsageRow
        {
            Endpoint = endpoint,
            Role = role,
            Model = model,
            Requests = list.Sum(r => r.Requests),
            Calls = list.Sum(r => r.Calls),
            CacheHits = list.Sum(r => r.CacheHits),
            Retries = list.Sum(r => r.Retries),
            Failures = list.Sum(r => r.Failures),
            PromptTokens = list.Sum(r => r.PromptTokens),
            CompletionTokens = list.Sum(r => r.CompletionTokens),
            CachedPromptTokens = list.Sum(r => r.CachedPromptTokens),
            CachedCompletionTokens = list.Sum(r => r.CachedCompletionTokens),
            Batched = list.Sum(r => r.Batched),
            BatchedPromptTokens = list.Sum(r => r.BatchedPromptTokens),
            BatchedCompletionTokens = list.Sum(r => r.BatchedCompletionTokens),
            EstimatedCost = SumOf(list, r => r.EstimatedCost),
            SavedByCache = SumOf(list, r => r.SavedByCache),
            SavedByBatch = SumOf(list, r => r.SavedByBatch),
        };
    }
}
