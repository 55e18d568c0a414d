using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Keys the layer puts into <see cref="ChatResponse.AdditionalProperties"/> (and reads from <see cref="ChatOptions.AdditionalProperties"/>).</summary>
public static class ResponseProperties
{
    /// <summary>Name of the endpoint that produced the answer.</summary>
    public const string Endpoint = "endpoint";

    /// <summary>HTTP attempts the answer took (1 when no retry was needed).</summary>
    public const string Attempts = "attempts";

    /// <summary><c>true</c> when the answer came from the response cache (no call made).</summary>
    public const string CacheHit = "cache_hit";

    /// <summary><c>true</c> when a line of a provider batch answered (at the batch price).</summary>
    public const string Batched = "batched";

    /// <summary>The provider's id of the batch that answered.</summary>
    public const string BatchId = "batch_id";

    /// <summary><c>true</c> on a plan's stand-in answer (<see cref="ModelHubOptions.Plan"/>): no call was made.</summary>
    public const string Planned = "planned";

    /// <summary>In <see cref="ChatOptions.AdditionalProperties"/>: the request re-asks structured output (1 for the first re-ask).</summary>
    public const string Reask = "reask";

    /// <summary>Trial number in <see cref="ChatOptions.AdditionalProperties"/>: repeated samples above temperature zero get their own cache entries.</summary>
    public const string Trial = "trial";

    internal static T? Get<T>(ChatResponse response, string key) =>
        response.AdditionalProperties is { } p && p.TryGetValue(key, out var v) && v is T t ? t : default;

    internal static void Set(ChatResponse response, string key, object value) =>
        (response.AdditionalProperties ??= [])[key] = value;
}
