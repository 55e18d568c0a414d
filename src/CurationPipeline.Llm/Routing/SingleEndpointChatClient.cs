using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>Sends to one shared endpoint; disposing it leaves the endpoint to the hub.</summary>
internal sealed class SingleEndpointChatClient(EndpointRuntime endpoint) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        endpoint.SendAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(this) ? this : endpoint.Client.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // Owned by the hub.
    }
}
