using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>Adds per-endpoint call logging to a <see cref="ChatClientBuilder"/>.</summary>
public static class CallLoggingChatClientBuilderExtensions
{
    public static ChatClientBuilder UseCallLogging(this ChatClientBuilder builder, EndpointOptions endpoint, ILogger logger) =>
        builder.Use(inner => new CallLoggingChatClient(inner, endpoint, logger));
}
