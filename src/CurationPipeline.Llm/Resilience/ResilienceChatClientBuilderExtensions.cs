using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>Adds retries and circuit breakers to a <see cref="ChatClientBuilder"/>.</summary>
public static class ResilienceChatClientBuilderExtensions
{
    /// <summary>Retries (above the load spreading, if any); <paramref name="target"/> names untagged failures.</summary>
    public static ChatClientBuilder UseRetries(this ChatClientBuilder builder, string target, ResilienceOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        builder.Use(inner => new ResilienceChatClient(inner, target, options ?? new ResilienceOptions(), timeProvider ?? TimeProvider.System, logger));

    /// <summary>A circuit breaker for one endpoint (below the load spreading).</summary>
    public static ChatClientBuilder UseCircuitBreaker(this ChatClientBuilder builder, EndpointOptions endpoint, ResilienceOptions? options = null, TimeProvider? timeProvider = null) =>
        builder.Use(inner => new CircuitBreakerChatClient(inner, endpoint, options ?? new ResilienceOptions(), timeProvider ?? TimeProvider.System));

    /// <summary>Both, for a stack over a single endpoint: retries over the endpoint's circuit breaker.</summary>
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, EndpointOptions endpoint, ResilienceOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        builder.UseRetries(endpoint.Name, options, timeProvider, logger).UseCircuitBreaker(endpoint, options, timeProvider);
}
