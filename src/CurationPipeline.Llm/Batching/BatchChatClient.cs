using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace CurationPipeline.Llm;

/// <summary>
/// A batch endpoint's client. Each request becomes a line of a provider batch (<see cref="BatchCollector"/>), keyed
/// by its cache key, so that a request is known again after a restart; its body is the one the SDK would send
/// (<see cref="BatchRequestBody"/>, or the SDK's own, captured). The line that answers it is read by the SDK's
/// chat completion model and converted as the library converts a direct answer, so nothing downstream can tell
/// the two apart but <see cref="ResponseProperties.Batched"/>. A failed line is asked again as a direct call's
/// failure would be (the same statuses, up to the same number of retries, with the same backoff), in a new batch
/// or, with <c>batch_retry: direct</c>, through <paramref name="innerClient"/>, the endpoint's SDK client; the
/// retries are made here rather than by the retry layer, which would hold a frame per parked request.
/// </summary>
internal sealed class BatchChatClient(IChatClient innerClient, EndpointOptions endpoint, BatchCollector collector, ResilienceOptions resilience,
    TimeProvider timeProvider, ILogger logger) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<AiChatMessage> ?? messages.ToList();
        var key = CacheKey.Compute(endpoint.Model, endpoint, list, options);
        byte[]? body = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                body ??= BatchRequestBody.TryWrite(endpoint, list, options) ?? await CaptureAsync(list, options, cancellationToken);
                var line = await collector.SendAsync(key, body, cancellationToken);
                var response = line == LineResult.Direct ? await base.GetResponseAsync(list, options, cancellationToken) : Read(line);
                ResponseProperties.Set(response, ResponseProperties.Attempts, attempt);
                return response;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && Transient.IsCallFailure(e))
            {
                if (!Transient.IsRetryable(e) || attempt > resilience.MaxRetries)
                {
                    var status = Transient.StatusOf(e);
                    throw new LlmException($"endpoint '{endpoint.Name}' (model '{endpoint.Model}') failed: {Transient.Describe(e)}, status {status}"
                        + (attempt > 1 ? $" after {attempt} attempts" : ""), e)
                    {
                        Endpoint = endpoint.Name,
                        Model = endpoint.Model,
                        StatusCode = status,
                        Attempts = attempt,
                    };
                }

                var delay = Backoff(attempt, Transient.RetryAfter(e, timeProvider.GetUtcNow()));
                Log.Retrying(logger, endpoint.Name, endpoint.Model, Transient.Describe(e), attempt + 1, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Exponential from the base delay with full jitter, at most the longest delay; a Retry-After wins (capped).</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked > resilience.MaxRetryAfter ? resilience.MaxRetryAfter : asked;
        }

        var ceiling = Math.Min(resilience.MaxDelay.TotalMilliseconds, resilience.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));

    /// <summary>The body the SDK writes for a request <see cref="BatchRequestBody"/> does not cover.</summary>
    private async Task<byte[]> CaptureAsync(IReadOnlyCollection<AiChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        CapturingHttpHandler.Capture = true; // this async flow only; restored when the method returns
        try
        {
            await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (RequestCapturedException captured)
        {
            return captured.Body;
        }

        throw new InvalidOperationException("the SDK answered a request that was to be captured");
    }

    /// <summary>The provider's message in an error body (<c>{"error": {"message"}}</c>), else the body.</summary>
    private static string ErrorMessage(LineResult line)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line.Body);
            if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // not JSON: the text itself
        }

        var text = System.Text.Encoding.UTF8.GetString(line.Body);
        return text.Length <= 300 ? text : text[..300];
    }

    private ChatResponse Read(LineResult line)
    {
        if (line.Status != 200)
        {
            throw new ClientResultException($"HTTP {line.Status} ({ErrorMessage(line)})", new LineResponse(line));
        }

        ChatCompletion completion;
        try
        {
            completion = ModelReaderWriter.Read<ChatCompletion>(BinaryData.FromBytes(line.Body), ModelReaderWriterOptions.Json)
                ?? throw new FormatException("an empty chat completion");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidResponseException("the batch line's body is not a chat completion", e);
        }

#pragma warning disable OPENAI001 // marked for evaluation; it is the conversion the library's client applies to a direct answer
        var response = completion.AsChatResponse();
#pragma warning restore OPENAI001
        ResponseProperties.Set(response, ResponseProperties.Endpoint, endpoint.Name);
        ResponseProperties.Set(response, ResponseProperties.Batched, true);
        if (line.BatchId is { } batch)
        {
            ResponseProperties.Set(response, ResponseProperties.BatchId, batch);
        }

        return response;
    }
}
