using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>Adds retries and a circuit breaker to a <see cref="ChatClientBuilder"/>.</summary>
public static class ResilienceChatClientBuilderExtensions
{
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, EndpointOptions endpoint, ResilienceOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        builder.Use(inner => new ResilienceChatClient(inner, endpoint, options ?? new ResilienceOptions(), timeProvider ?? TimeProvider.System, logger));
}
