using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace CurationPipeline.Llm;

/// <summary>
/// Retries with exponential backoff and jitter on 429, 5xx, timeouts and dropped connections, honouring
/// Retry-After. It sits above the load spreading, so each attempt goes to the best endpoint at that
/// moment (one whose circuit is closed, if any). A final failure becomes an <see cref="LlmException"/>
/// naming endpoint, model and status. Attempts are reported in the answer for accounting.
/// </summary>
public sealed class ResilienceChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly string _target;

    /// <param name="target">Endpoint or model name the client serves, for failures no endpoint claimed.</param>
    public ResilienceChatClient(IChatClient innerClient, string target, ResilienceOptions options, TimeProvider timeProvider, ILogger? logger = null)
        : base(innerClient)
    {
        _target = target;
        var log = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<EndpointAttemptException>(e => Transient.IsRetryable(e.Failure)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args =>
                {
                    var failure = (args.Outcome.Exception as EndpointAttemptException)?.Failure;
                    var asked = Transient.RetryAfter(failure, timeProvider.GetUtcNow());
                    return ValueTask.FromResult(asked is { } d ? (TimeSpan?)(d > options.MaxRetryAfter ? options.MaxRetryAfter : d) : null);
                },
                OnRetry = args =>
                {
                    var e = (EndpointAttemptException)args.Outcome.Exception!;
                    Log.Retrying(log, e.Endpoint.Name, e.Endpoint.Model, Transient.Describe(e.Failure), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

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
        catch (EndpointAttemptException e) when (!cancellationToken.IsCancellationRequested)
        {
            var status = Transient.StatusOf(e.Failure);
            var retried = attempts > 1 ? $" after {attempts} attempts" : "";
            throw new LlmException($"endpoint '{e.Endpoint.Name}' (model '{e.Endpoint.Model}') failed: {Transient.Describe(e.Failure)}, status {status}{retried}", e.Failure)
            {
                Endpoint = e.Endpoint.Name,
                Model = e.Endpoint.Model,
                StatusCode = status,
                Attempts = attempts,
            };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Transient.IsCallFailure(e))
        {
            // A stack without a circuit breaker below: the failure is not tagged with an endpoint.
            throw new LlmException($"'{_target}' failed: {Transient.Describe(e)}, status {Transient.StatusOf(e)}", e)
            {
                Endpoint = _target,
                StatusCode = Transient.StatusOf(e),
                Attempts = attempts,
            };
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
