using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Llm.Tests;

/// <summary>Collects every log line (all levels, exceptions included) for assertions.</summary>
internal sealed class TestLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public string AllText => string.Join("\n", Lines.Select(l => $"{l.Level}: {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(TestLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
