using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>One endpoint's shared middleware stack (circuit breaker, throttling, telemetry, adapter; or the batch collector) and its outstanding count.</summary>
internal sealed class EndpointRuntime(EndpointOptions options, IChatClient client, CircuitBreakerChatClient? breaker, BatchCollector? batch = null,
    params IDisposable[] owned) : IDisposable
{
    private int _outstanding;

    public EndpointOptions Options { get; } = options;

    public IChatClient Client { get; } = client;

    /// <summary>Requests sent through this endpoint and not finished, including those waiting for its limits.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    public bool IsCircuitOpen => breaker?.IsCircuitOpen ?? false;

    /// <summary>The batch collector of a batch endpoint.</summary>
    public BatchCollector? Batch => batch;

    public async Task<ChatResponse> SendAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _outstanding);
        try
        {
            return await Client.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        batch?.Dispose();
        foreach (var d in owned)
        {
            d.Dispose();
        }
    }
}
