using CurationPipeline.Core;

namespace CurationPipeline.Hosting;

/// <summary>
/// Live counts of one stage. Every record a stage receives ends as exactly one of: succeeded (it emitted
/// one or more outputs), rejected (a line in rejects.jsonl), or filtered (used by no dataset, counted, not
/// lost). <see cref="Balanced"/> checks that at the end of a run.
/// </summary>
public sealed class StageCounters(StageName name)
{
    private long _received;
    private long _succeeded;
    private long _emitted;
    private long _rejected;
    private long _filtered;

    public StageName Name { get; } = name;

    public long Received => Interlocked.Read(ref _received);

    public long Succeeded => Interlocked.Read(ref _succeeded);

    public long Emitted => Interlocked.Read(ref _emitted);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Filtered => Interlocked.Read(ref _filtered);

    /// <summary>Time from the first record received to the last one finished.</summary>
    public TimeSpan Busy { get; private set; }

    private long _firstTicks = -1;

    public bool Balanced => Received == Succeeded + Rejected + Filtered;

    public void OnReceived(long timestamp)
    {
        Interlocked.Increment(ref _received);
        Interlocked.CompareExchange(ref _firstTicks, timestamp, -1);
    }

    public void OnSucceeded(int emitted)
    {
        Interlocked.Increment(ref _succeeded);
        Interlocked.Add(ref _emitted, emitted);
    }

    public void OnRejected() => Interlocked.Increment(ref _rejected);

    public void OnFiltered() => Interlocked.Increment(ref _filtered);

    public void OnFinished(TimeProvider time)
    {
        var first = Interlocked.Read(ref _firstTicks);
        if (first >= 0)
        {
            Busy = time.GetElapsedTime(first);
        }
    }
}
