using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Serves answers already in the <see cref="ResponseCache"/> without a call, stores new ones with their
/// usage, and lets a second identical request in flight wait for the first rather than call again.
/// </summary>
public sealed class ResponseCacheChatClient(IChatClient innerClient, ResponseCache cache, EndpointOptions keyEndpoint, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var key = CacheKey.Compute(keyEndpoint.Model, keyEndpoint, list, options);
        while (true)
        {
            // Take the lead for this key before looking it up: whoever answered it before stored the
            // answer before leaving the in-flight table, so one lookup by the leader suffices.
            var mine = new TaskCompletionSource<CachedResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            var current = cache.InFlight.GetOrAdd(key, mine.Task);
            if (current != mine.Task)
            {
                try
                {
                    return (await current.WaitAsync(cancellationToken)).ToResponse();
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue; // the first caller gave up; try again, possibly as the one who calls
                }
                catch (LlmException e)
                {
                    // The same failure, but the calls it made belong to the first caller's accounting.
                    throw new LlmException(e.Message, e)
                    {
                        Endpoint = e.Endpoint,
                        Model = e.Model,
                        StatusCode = e.StatusCode,
                        RawResponse = e.RawResponse,
                        Attempts = 0,
                    };
                }
            }

            try
            {
                if (cache.TryGet(key) is { } stored)
                {
                    mine.SetResult(stored);
                    return stored.ToResponse();
                }

                var response = await base.GetResponseAsync(list, options, cancellationToken);
                var entry = CachedResponse.From(response);
                cache.Put(key, keyEndpoint.Model, entry, timeProvider.GetUtcNow());
                mine.SetResult(entry);
                return response;
            }
            catch (OperationCanceledException)
            {
                mine.SetCanceled(CancellationToken.None);
                throw;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed: no waiter may be there
                throw;
            }
            finally
            {
                cache.InFlight.TryRemove(new KeyValuePair<string, Task<CachedResponse>>(key, mine.Task));
            }
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
