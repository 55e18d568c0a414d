namespace CurationPipeline.Llm;

/// <summary>Adds concurrency and rate limits to a <see cref="ChatClientBuilder"/>.</summary>
public static class ThrottlingChatClientBuilderExtensions
{
    public static ChatClientBuilder UseThrottling(this ChatClientBuilder builder, EndpointOptions endpoint, TimeProvider? timeProvider = null) =>
        builder.Use(inner => new ThrottlingChatClient(inner, endpoint, timeProvider ?? TimeProvider.System));
}
