namespace CurationPipeline.Llm;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: a taker that finds too few tokens reserves them (the
/// level goes negative) and waits exactly until they have refilled, so waiters are served in order.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _level;
    private long _stamp;

    public TokenBucket(double capacity, double perSecond, TimeProvider time)
    {
        _capacity = capacity;
        _perSecond = perSecond;
        _time = time;
        _level = capacity;
        _stamp = time.GetTimestamp();
    }

    public async ValueTask TakeAsync(double amount, CancellationToken cancellationToken)
    {
        amount = Math.Min(amount, _capacity);
        TimeSpan wait;
        lock (_lock)
        {
            Refill();
            _level -= amount;
            wait = _level >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_level / _perSecond);
        }

        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Give(amount);
            throw;
        }
    }

    /// <summary>Returns tokens (negative: takes more), e.g. when the real usage differs from the estimate.</summary>
    public void Give(double amount)
    {
        lock (_lock)
        {
            Refill();
            _level = Math.Min(_capacity, _level + amount);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _level = Math.Min(_capacity, _level + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _perSecond));
        _stamp = now;
    }
}
