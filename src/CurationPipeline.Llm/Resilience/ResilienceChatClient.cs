using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace CurationPipeline.Llm;

/// <summary>
/// Retries with exponential backoff and jitter on 429, 5xx, timeouts and dropped connections (honouring
/// Retry-After), behind a per-endpoint circuit breaker; a final failure becomes an <see cref="LlmException"/>
/// naming endpoint, model and status. Attempts are reported in the answer for accounting.
/// </summary>
public sealed class ResilienceChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly EndpointOptions _endpoint;
    private readonly ILogger _logger;

    public ResilienceChatClient(IChatClient innerClient, EndpointOptions endpoint, ResilienceOptions options, TimeProvider timeProvider, ILogger? logger = null)
        : base(innerClient)
    {
        _endpoint = endpoint;
        _logger = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(Transient.IsRetryable),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args =>
                {
                    var asked = Transient.RetryAfter(args.Outcome.Exception, timeProvider.GetUtcNow());
                    return ValueTask.FromResult(asked is { } d ? (TimeSpan?)(d > options.MaxRetryAfter ? options.MaxRetryAfter : d) : null);
                },
                OnRetry = args =>
                {
                    var e = args.Outcome.Exception!;
                    Log.Retrying(_logger, _endpoint.Name, _endpoint.Model, Transient.Describe(e), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(Transient.IsEndpointFault),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = _state,
        });
        _pipeline = builder.Build();
    }

    /// <summary>Whether the circuit currently rejects calls (load spreading prefers other endpoints then).</summary>
    public bool IsCircuitOpen => _state.CircuitState is CircuitState.Open or CircuitState.Isolated;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var attempts = 0;
        try
        {
            var response = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    Interlocked.Increment(ref attempts);
                    return await base.GetResponseAsync(list, options, ct);
                },
                cancellationToken);
            ResponseProperties.Set(response, ResponseProperties.Attempts, attempts);
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is ClientResultException or TimeoutException or HttpRequestException or IOException or InvalidResponseException or BrokenCircuitException)
        {
            var status = Transient.StatusOf(e);
            var retried = Transient.IsRetryable(e) && attempts > 1 ? $" after {attempts} attempts" : attempts > 1 ? $" (attempt {attempts})" : "";
            throw new LlmException($"endpoint '{_endpoint.Name}' (model '{_endpoint.Model}') failed: {Transient.Describe(e)}, status {status}{retried}", e)
            {
                Endpoint = _endpoint.Name,
                Model = _endpoint.Model,
                StatusCode = status,
                Attempts = attempts,
            };
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
