using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Spreads requests for one model over the endpoints serving it: each goes to the endpoint with the fewest
/// outstanding requests (ties rotate), preferring endpoints whose circuit is closed.
/// </summary>
internal sealed class LeastOutstandingChatClient(IReadOnlyList<EndpointRuntime> endpoints) : IChatClient
{
    private readonly Lock _lock = new();
    private int _next;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Pick().SendAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(this) ? this : endpoints[0].Client.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // The endpoints are shared and owned by the hub.
    }

    private EndpointRuntime Pick()
    {
        lock (_lock)
        {
            EndpointRuntime? best = null;
            var start = _next++ % endpoints.Count;
            for (var i = 0; i < endpoints.Count; i++)
            {
                var candidate = endpoints[(start + i) % endpoints.Count];
                if (best is null || Better(candidate, best))
                {
                    best = candidate;
                }
            }

            return best!;
        }
    }

    private static bool Better(EndpointRuntime a, EndpointRuntime b) =>
        a.IsCircuitOpen != b.IsCircuitOpen ? !a.IsCircuitOpen : a.Outstanding < b.Outstanding;
}
