using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>One entry the host logged at Warning or above.</summary>
public sealed record LoggedEntry(LogLevel Level, string Category, string Message, Exception? Exception);

/// <summary>Keeps what the host logs at Warning or above, for tests of what an operator would see.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyCollection<LoggedEntry> Entries => _entries;

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LoggedEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LoggedEntry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
