using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>Settings of a <see cref="ModelHub"/> that are not per endpoint.</summary>
public sealed class ModelHubOptions
{
    /// <summary>SQLite file of the response cache; <c>null</c> turns caching off.</summary>
    public string? CachePath { get; set; }

    /// <summary>
    /// SQLite file of the batch journal (what was sent in which provider batch, for reattaching after a restart);
    /// <c>null</c>: the cache file (<see cref="CachePath"/>), or memory only when there is no cache.
    /// </summary>
    public string? BatchJournalPath { get; set; }

    /// <summary>
    /// Plan mode: no request is sent. Answers in the cache are served as usual; every other request is counted as
    /// a call the run would make, with estimated tokens and cost, and answered by a stand-in (<c>curate ... --plan</c>).
    /// No API key is needed.
    /// </summary>
    public bool Plan { get; set; }

    /// <summary>Clock for retry delays, the circuit breaker and the usage snapshot (a manual one in tests); rate limits run on the wall clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the layer logs (categories <c>CurationPipeline.Llm</c>, and <c>CurationPipeline.Llm.ROLE</c> for each
    /// request: Debug when it starts and ends, Error when it fails for good); <c>null</c> for none. Message
    /// contents are logged only at Trace, which must not be enabled where prompts hold personal data.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <value>Retries after the first attempt; default 5.</value>
    public int MaxRetries { get; set; } = 5;

    /// <value>Base delay of the exponential backoff; default 1 s.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>Longest backoff delay; default 60 s.</value>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <value>Circuit breaker settings and the Retry-After cap (the retry count and delays come from the three properties above); the defaults of <see cref="ResilienceOptions"/> otherwise.</value>
    public ResilienceOptions? Resilience { get; set; }

    /// <summary>Reads an environment variable (the API keys); <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    internal ResilienceOptions EffectiveResilience() => new()
    {
        MaxRetries = MaxRetries,
        BaseDelay = RetryBaseDelay,
        MaxDelay = RetryMaxDelay,
        MaxRetryAfter = Resilience?.MaxRetryAfter ?? TimeSpan.FromMinutes(10),
        BreakerFailureRatio = Resilience?.BreakerFailureRatio ?? 0.5,
        BreakerMinimumThroughput = Resilience?.BreakerMinimumThroughput ?? 20,
        BreakerSamplingDuration = Resilience?.BreakerSamplingDuration ?? TimeSpan.FromSeconds(30),
        BreakDuration = Resilience?.BreakDuration ?? TimeSpan.FromSeconds(15),
    };
}
