using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm;

/// <summary>
/// Passes everything but Trace: the library's <c>LoggingChatClient</c> writes message contents (prompts
/// with clinical text, answers) only at Trace, so they never reach a log, whatever level is enabled.
/// </summary>
internal sealed class ContentFreeLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel > LogLevel.Trace && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}

/// <summary>
/// The logger factory handed to the library's <c>UseLogging</c>: every logger it makes is a
/// <see cref="ContentFreeLogger"/> under one category (the role's, <c>CurationPipeline.Llm.ROLE</c>).
/// </summary>
internal sealed class ContentFreeLoggerFactory(ILoggerFactory inner, string category) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ContentFreeLogger(inner.CreateLogger(category));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The inner factory belongs to the caller.
    }
}
