using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// The top of a batch endpoint's client: gives each request its key (the response cache's, so a line is
/// known again after a restart) for the batching transport below, and marks an answer that came from a batch
/// (<see cref="ResponseProperties.Batched"/>) for accounting; failures leave it tagged with the endpoint for the
/// retry layer. Answers are otherwise those of a direct call.
/// </summary>
internal sealed class BatchChatClient(IChatClient innerClient, EndpointOptions endpoint) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var context = new BatchRequestContext(CacheKey.Compute(endpoint.Model, endpoint, list, options));
        BatchRequestContext.Current = context; // flows down to the transport; restored when this method returns
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Transient.IsCallFailure(e))
        {
            throw new EndpointAttemptException(endpoint, e); // for the retry layer, as the circuit breaker does for direct endpoints
        }

        if (context.BatchId is { } batch)
        {
            ResponseProperties.Set(response, ResponseProperties.Batched, true);
            ResponseProperties.Set(response, ResponseProperties.BatchId, batch);
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
