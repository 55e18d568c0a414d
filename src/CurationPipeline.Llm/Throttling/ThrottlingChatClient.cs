using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Holds one endpoint to its limits: at most <see cref="EndpointOptions.MaxConcurrency"/> calls in flight,
/// requests per minute and tokens per minute as token buckets (a second's worth of requests and ten
/// seconds' worth of tokens may go at once). Each attempt passes here, retries included.
/// </summary>
public sealed class ThrottlingChatClient : DelegatingChatClient
{
    private const int DefaultCompletionEstimate = 256;
    private readonly EndpointOptions _endpoint;
    private readonly SemaphoreSlim _slots;
    private readonly TokenBucket? _requests;
    private readonly TokenBucket? _tokens;

    public ThrottlingChatClient(IChatClient innerClient, EndpointOptions endpoint, TimeProvider timeProvider)
        : base(innerClient)
    {
        _endpoint = endpoint;
        _slots = new SemaphoreSlim(endpoint.MaxConcurrency, endpoint.MaxConcurrency);
        if (endpoint.RequestsPerMinute is { } rpm)
        {
            _requests = new TokenBucket(Math.Max(1, rpm / 60.0), rpm / 60.0, timeProvider);
        }

        if (endpoint.TokensPerMinute is { } tpm)
        {
            _tokens = new TokenBucket(Math.Max(1, tpm / 6.0), tpm / 60.0, timeProvider);
        }
    }

    /// <summary>Calls in flight now.</summary>
    public int InFlight => _endpoint.MaxConcurrency - _slots.CurrentCount;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        await _slots.WaitAsync(cancellationToken);
        try
        {
            if (_requests is not null)
            {
                await _requests.TakeAsync(1, cancellationToken);
            }

            long estimate = 0;
            if (_tokens is not null)
            {
                estimate = (list.Sum(m => (long)m.Text.Length) / 4) + (options?.MaxOutputTokens ?? _endpoint.MaxTokens ?? DefaultCompletionEstimate);
                await _tokens.TakeAsync(estimate, cancellationToken);
            }

            try
            {
                var response = await base.GetResponseAsync(list, options, cancellationToken);
                if (_tokens is not null && response.Usage is { } usage)
                {
                    _tokens.Give(estimate - ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)));
                }

                return response;
            }
            catch (Exception) when (_tokens is not null)
            {
                _tokens.Give(estimate / 2.0); // a failed call still used the server; give back half the estimate
                throw;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
        }

        base.Dispose(disposing);
    }
}
