using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Counts every request under a role in a <see cref="UsageLedger"/>: calls and retries (from the
/// resilience layer), cache hits (from the cache layer), tokens, failures.
/// </summary>
public sealed class AccountingChatClient(IChatClient innerClient, UsageLedger ledger, string role, string fallbackEndpoint)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (LlmException e)
        {
            ledger.RecordFailure(e.Endpoint ?? fallbackEndpoint, role, e.Attempts);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ledger.RecordFailure(fallbackEndpoint, role, 0);
            throw;
        }

        var endpoint = ResponseProperties.Get<string>(response, ResponseProperties.Endpoint) ?? fallbackEndpoint;
        var prompt = response.Usage?.InputTokenCount ?? 0;
        var completion = response.Usage?.OutputTokenCount ?? 0;
        if (ResponseProperties.Get<bool>(response, ResponseProperties.CacheHit))
        {
            ledger.RecordCacheHit(endpoint, role, prompt, completion);
        }
        else
        {
            var attempts = ResponseProperties.Get<int?>(response, ResponseProperties.Attempts) ?? 1;
            ledger.RecordAnswer(endpoint, role, attempts, prompt, completion, ResponseProperties.Get<bool>(response, ResponseProperties.Batched));
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
