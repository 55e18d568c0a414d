using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm.Tests;

/// <summary>Collects every log line from <paramref name="minimum"/> up (exceptions included) for assertions.</summary>
internal sealed class TestLoggerFactory(LogLevel minimum = LogLevel.Trace) : ILoggerFactory
{
    public LogLevel Minimum { get; } = minimum;

    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    public string AllText => string.Join("\n", Lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(TestLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
            }
        }
    }
}
