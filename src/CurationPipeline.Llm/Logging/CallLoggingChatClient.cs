using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>
/// Logs each attempt at one endpoint: outcome, duration and tokens at Debug, failures at Warning, message
/// contents only at Trace. Credentials never reach this layer.
/// </summary>
public sealed class CallLoggingChatClient(IChatClient innerClient, EndpointOptions endpoint, ILogger logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Log.RequestContent(logger, endpoint.Name, endpoint.Model, string.Join("\n", list.Select(m => $"[{m.Role}] {m.Text}")));
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(list, options, cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.Answered(logger, endpoint.Name, endpoint.Model, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
            }

            if (logger.IsEnabled(LogLevel.Trace))
            {
                Log.ResponseContent(logger, endpoint.Name, endpoint.Model, response.Text);
            }

            return response;
        }
        catch (EndpointAttemptException e)
        {
            Log.Failed(logger, endpoint.Name, endpoint.Model, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Transient.Describe(e.Failure));
            throw;
        }
        catch (Exception e) when (Transient.IsCallFailure(e))
        {
            Log.Failed(logger, endpoint.Name, endpoint.Model, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Transient.Describe(e));
            throw;
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingFallback.Updates(GetResponseAsync(messages, options, cancellationToken));
}
