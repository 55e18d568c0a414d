namespace CurationPipeline.Llm;

/// <summary>Retry and circuit-breaker settings for one endpoint.</summary>
public sealed class ResilienceOptions
{
    /// <value>Retries after the first attempt; default 5. Zero turns retrying off.</value>
    public int MaxRetries { get; init; } = 5;

    /// <value>Base delay of the exponential backoff (with jitter); default 1 s.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <value>Longest backoff delay; default 60 s. A server's Retry-After is honoured up to <see cref="MaxRetryAfter"/>.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <value>Longest Retry-After honoured; default 10 min (a longer one is cut to it).</value>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <value>Share of failed calls (5xx, timeouts, dropped connections) that opens the circuit; default 0.5.</value>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <value>Calls in the sampling window before the breaker may open; default 20.</value>
    public int BreakerMinimumThroughput { get; init; } = 20;

    /// <value>Window over which failures are counted; default 30 s.</value>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <value>How long an open circuit rejects calls before one trial call; default 15 s.</value>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
