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

    /// <summary>Cost of the tokens spent, where the endpoint has prices.</summary>
    [JsonPropertyName("estimated_cost")] public decimal? EstimatedCost { get; init; }

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
            EstimatedCost = list.Any(r => r.EstimatedCost is not null) ? list.Sum(r => r.EstimatedCost ?? 0m) : null,
        };
    }
}
