using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;

namespace CurationPipeline.Llm;

/// <summary>
/// A Polly circuit breaker for one endpoint: opens when too many calls fail with 5xx, timeouts or dropped
/// connections (not 429), then rejects calls for the break duration. Failures leave this layer tagged
/// with the endpoint, for the retry layer above the load spreading.
/// </summary>
public sealed class CircuitBreakerChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly EndpointOptions _endpoint;

    public CircuitBreakerChatClient(IChatClient innerClient, EndpointOptions endpoint, ResilienceOptions options, TimeProvider timeProvider)
        : base(innerClient)
    {
        _endpoint = endpoint;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(Transient.IsEndpointFault),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _state,
            })
            .Build();
    }

    /// <summary>Whether the circuit currently rejects calls (load spreading prefers other endpoints then).</summary>
    public bool IsCircuitOpen => _state.CircuitState is CircuitState.Open or CircuitState.Isolated;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await base.GetResponseAsync(messages, options, ct), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Transient.IsCallFailure(e))
        {
            throw new EndpointAttemptException(_endpoint, e);
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
