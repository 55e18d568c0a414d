using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>The layer's log messages. Message contents are logged only at Trace; keys never.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Endpoint} ({Model}): answered in {Milliseconds:0} ms, {PromptTokens} prompt + {CompletionTokens} completion tokens")]
    public static partial void Answered(ILogger logger, string endpoint, string model, double milliseconds, long promptTokens, long completionTokens);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Endpoint} ({Model}): {Problem}; retry {Attempt} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string endpoint, string model, string problem, int attempt, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Endpoint} ({Model}): attempt failed after {Milliseconds:0} ms: {Reason}")]
    public static partial void Failed(ILogger logger, string endpoint, string model, double milliseconds, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "response cache: a batch of answers could not be stored ({ErrorType}: {Error}); they will be asked again next run")]
    public static partial void CacheWriteFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "{Endpoint} ({Model}) request: {Messages}")]
    public static partial void RequestContent(ILogger logger, string endpoint, string model, string messages);

    [LoggerMessage(EventId = 5, Level = LogLevel.Trace, Message = "{Endpoint} ({Model}) answer: {Text}")]
    public static partial void ResponseContent(ILogger logger, string endpoint, string model, string text);
}
