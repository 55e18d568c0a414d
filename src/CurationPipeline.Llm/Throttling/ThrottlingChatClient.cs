using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace CurationPipeline.Llm;

/// <summary>
/// Holds one endpoint to its limits with System.Threading.RateLimiting: at most
/// <see cref="EndpointOptions.MaxConcurrency"/> calls in flight (a <see cref="ConcurrencyLimiter"/>), and
/// requests and tokens per minute as <see cref="TokenBucketRateLimiter"/>s (a second's worth of requests
/// and ten seconds' worth of tokens may go at once). Waiters are served in order. Each attempt passes
/// here, retries included. A request's tokens are estimated before the call (<see cref="TokenEstimate"/>
/// for the prompt, the endpoint's recent answers for the completion); what the server then reports beyond
/// the estimate is taken from the next request's share.
/// </summary>
public sealed class ThrottlingChatClient : DelegatingChatClient
{
    private const int FirstCompletionEstimate = 256;
    private readonly EndpointOptions _endpoint;
    private readonly ConcurrencyLimiter _slots;
    private readonly TokenBucketRateLimiter? _requests;
    private readonly TokenBucketRateLimiter? _tokens;
    private readonly int _tokenLimit;
    private readonly Lock _lock = new();
    private double _meanCompletion = FirstCompletionEstimate;
    private long _owed;

    public ThrottlingChatClient(IChatClient innerClient, EndpointOptions endpoint)
        : base(innerClient)
    {
        _endpoint = endpoint;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = endpoint.MaxConcurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (endpoint.RequestsPerMinute is { } rpm)
        {
            _requests = Bucket(rpm, limit: Math.Max(1, rpm / 60));
        }

        if (endpoint.TokensPerMinute is { } tpm)
        {
            _tokenLimit = Math.Max(1, tpm / 6);
            _tokens = Bucket(tpm, _tokenLimit);
        }
    }

    /// <summary>Calls in flight now.</summary>
    public int InFlight => _endpoint.MaxConcurrency - (int)_slots.GetStatistics()!.CurrentAvailablePermits;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        using var slot = await AcquireAsync(_slots, 1, cancellationToken);
        if (_requests is not null)
        {
            using var request = await AcquireAsync(_requests, 1, cancellationToken);
        }

        if (_tokens is null)
        {
            return await base.GetResponseAsync(list, options, cancellationToken);
        }

        var estimate = TokenEstimate.Count(list) + CompletionEstimate(options);
        var owed = Interlocked.Exchange(ref _owed, 0);
        try
        {
            // A request larger than the bucket waits for a full bucket rather than never going.
            using var tokens = await AcquireAsync(_tokens, (int)Math.Min(estimate + owed, _tokenLimit), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Add(ref _owed, owed);
            throw;
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken);
        if (response.Usage is { } usage)
        {
            var completion = usage.OutputTokenCount ?? 0;
            lock (_lock)
            {
                _meanCompletion += (completion - _meanCompletion) / 8;
            }

            var excess = (usage.InputTokenCount ?? 0) + completion - estimate;
            if (excess > 0)
            {
                Interlocked.Add(ref _owed, excess);
            }
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
            _requests?.Dispose();
            _tokens?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A bucket of <paramref name="limit"/> filled at <paramref name="perMinute"/>, in steps of at least a tenth of a second.</summary>
    private static TokenBucketRateLimiter Bucket(int perMinute, int limit)
    {
        var perStep = (perMinute + 599) / 600;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = perStep,
            ReplenishmentPeriod = TimeSpan.FromMinutes((double)perStep / perMinute),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask<RateLimitLease> AcquireAsync(RateLimiter limiter, int permits, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(permits, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ObjectDisposedException(nameof(ThrottlingChatClient), "the endpoint's limits were disposed");
        }

        return lease;
    }

    /// <summary>The completion's share: the mean of the endpoint's recent answers, never above the request's limit.</summary>
    private long CompletionEstimate(ChatOptions? options)
    {
        double mean;
        lock (_lock)
        {
            mean = _meanCompletion;
        }

        var estimate = (long)Math.Ceiling(mean);
        return (options?.MaxOutputTokens ?? _endpoint.MaxTokens) is { } max ? Math.Min(max, estimate) : estimate;
    }
}
