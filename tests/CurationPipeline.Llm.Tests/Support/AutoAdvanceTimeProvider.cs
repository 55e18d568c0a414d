using System.Collections.Concurrent;

namespace CurationPipeline.Llm.Tests;

/// <summary>
/// A clock that jumps forward whenever something waits on it: every timer fires at once and moves the
/// clock by its due time. Retry and rate-limit waits thus take no real time and are recorded in <see cref="Delays"/>.
/// </summary>
internal sealed class AutoAdvanceTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Timer(AutoAdvanceTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !_disposed;
            }

            owner.Delays.Enqueue(dueTime);
            Interlocked.Add(ref owner._ticks, dueTime.Ticks);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!_disposed)
                {
                    callback(state);
                }
            });
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
