using System.ClientModel;
using System.Globalization;
using Polly.CircuitBreaker;

namespace CurationPipeline.Llm;

/// <summary>Which call failures are worth another attempt, and what the server asked us to wait.</summary>
internal static class Transient
{
    /// <summary>429, 408, 5xx, timeouts, dropped connections, garbled bodies, an open circuit.</summary>
    public static bool IsRetryable(Exception e) => e switch
    {
        ClientResultException c => c.Status is 0 or 408 or 409 or 429 or >= 500,
        TimeoutException or HttpRequestException or IOException or InvalidResponseException => true,
        BrokenCircuitException => true,
        _ => false,
    };

    /// <summary>Failures of a call (as opposed to bugs or cancellation): turned into an <see cref="LlmException"/> in the end.</summary>
    public static bool IsCallFailure(Exception e) =>
        e is ClientResultException or TimeoutException or HttpRequestException or IOException or InvalidResponseException or BrokenCircuitException;

    /// <summary>Failures that say the endpoint is unwell (not throttling): they count towards the circuit breaker.</summary>
    public static bool IsEndpointFault(Exception e) => e switch
    {
        ClientResultException c => c.Status is 0 or >= 500,
        TimeoutException or HttpRequestException or IOException or InvalidResponseException => true,
        _ => false,
    };

    public static int StatusOf(Exception e) => e switch
    {
        ClientResultException c => c.Status,
        InvalidResponseException => 200,
        _ => 0,
    };

    public static string Describe(Exception e) => e switch
    {
        ClientResultException { Status: 0 } => "connection failed",
        ClientResultException c => $"HTTP {c.Status}",
        TimeoutException => "timed out",
        HttpRequestException or IOException => "connection failed",
        InvalidResponseException => "HTTP 200 with a body that is not a chat completion",
        BrokenCircuitException => "circuit open after repeated failures",
        _ => e.GetType().Name,
    };

    /// <summary>The wait a 429/503 asked for (<c>retry-after-ms</c> or <c>Retry-After</c> in seconds or as a date).</summary>
    public static TimeSpan? RetryAfter(Exception? e, DateTimeOffset now)
    {
        if (e is BrokenCircuitException { RetryAfter: { } breakLeft })
        {
            return breakLeft;
        }

        if (e is not ClientResultException c || c.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }
}
