using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Adds the persistent response cache to a <see cref="ChatClientBuilder"/>.</summary>
public static class ResponseCacheChatClientBuilderExtensions
{
    /// <summary>Caches answers in <paramref name="cache"/>, keyed with <paramref name="keyEndpoint"/>'s model and defaults.</summary>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, ResponseCache cache, EndpointOptions keyEndpoint, TimeProvider? timeProvider = null, bool readOnly = false) =>
        builder.Use(inner => new ResponseCacheChatClient(inner, cache, keyEndpoint, timeProvider ?? TimeProvider.System, readOnly));
}
