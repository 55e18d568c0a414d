using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Adds concurrency and rate limits to a <see cref="ChatClientBuilder"/>.</summary>
public static class ThrottlingChatClientBuilderExtensions
{
    public static ChatClientBuilder UseThrottling(this ChatClientBuilder builder, EndpointOptions endpoint) =>
        builder.Use(inner => new ThrottlingChatClient(inner, endpoint));
}
