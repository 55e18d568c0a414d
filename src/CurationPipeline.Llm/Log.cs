using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>The layer's own log messages (calls themselves are logged by the library's LoggingChatClient). No message contents, no keys.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Endpoint} ({Model}): {Problem}; retry {Attempt} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string endpoint, string model, string problem, int attempt, double delayMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "response cache: a batch of answers could not be stored ({ErrorType}: {Error}); they will be asked again next run")]
    public static partial void CacheWriteFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "batch: {Problem}")]
    public static partial void BatchProblem(ILogger logger, string problem);
}
