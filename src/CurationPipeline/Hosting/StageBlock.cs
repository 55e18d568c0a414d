using System.Threading.Tasks.Dataflow;
using CurationPipeline.Core;

namespace CurationPipeline.Hosting;

/// <summary>
/// Builds a stage as a bounded TransformManyBlock whose body never lets one record's failure escape: any
/// exception (including an OperationCanceledException from an HTTP timeout, which Dataflow would otherwise
/// drop silently) becomes a reject, unless the run itself is being cancelled.
/// </summary>
public static class StageBlock
{
    /// <summary>What a stage body returns for one record.</summary>
    public readonly record struct Outcome<T>(IReadOnlyList<T> Outputs, string? FilterReason)
    {
        public static Outcome<T> Of(params T[] outputs) => new(outputs, null);

        public static Outcome<T> Many(IReadOnlyList<T> outputs) => new(outputs, null);

        /// <summary>The record is deliberately not used (e.g. no dataset takes it); counted, not lost.</summary>
        public static Outcome<T> Filtered(string reason) => new([], reason);
    }

    public static TransformManyBlock<TIn, TOut> Create<TIn, TOut>(
        StageCounters counters,
        Func<TIn, CancellationToken, Task<Outcome<TOut>>> body,
        Func<TIn, Exception, Reject> toReject,
        RejectSink rejects,
        int maxDegreeOfParallelism,
        int boundedCapacity,
        TimeProvider time,
        TimeSpan recordTimeout,
        CancellationToken runToken)
    {
        var options = new ExecutionDataflowBlockOptions
        {
            BoundedCapacity = boundedCapacity,
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
            CancellationToken = runToken,
            EnsureOrdered = true,
        };
        return new TransformManyBlock<TIn, TOut>(async input =>
        {
            counters.OnReceived(time.GetTimestamp());
            try
            {
                var outcome = recordTimeout > TimeSpan.Zero ? await WithinAsync(body, input, recordTimeout, time, runToken) : await body(input, runToken);
                if (outcome.Outputs.Count > 0)
                {
                    counters.OnSucceeded(outcome.Outputs.Count);
                }
                else if (outcome.FilterReason is not null)
                {
                    counters.OnFiltered();
                }
                else
                {
                    throw new InvalidOperationException("the stage produced nothing and gave no reason");
                }

                return outcome.Outputs;
            }
            catch (Exception e) when (!runToken.IsCancellationRequested)
            {
                counters.OnRejected();
                rejects.Add(toReject(input, e));
                return [];
            }
        }, options);
    }

    /// <summary>
    /// The body on the thread pool, raced against <paramref name="timeout"/>: past it the record is a reject and the stage
    /// takes the next one. The body's token is cancelled, so model calls stop; work that does not watch the token runs on
    /// in the background until it ends, its result dropped.
    /// </summary>
    private static async Task<Outcome<TOut>> WithinAsync<TIn, TOut>(Func<TIn, CancellationToken, Task<Outcome<TOut>>> body, TIn input, TimeSpan timeout,
        TimeProvider time, CancellationToken runToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        using var clock = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        var work = Task.Run(() => body(input, budget.Token), budget.Token);
        var finished = await Task.WhenAny(work, Task.Delay(timeout, time, clock.Token));
        if (finished == work)
        {
            await clock.CancelAsync(); // the timer goes with it
            return await work;
        }

        runToken.ThrowIfCancellationRequested();
        await budget.CancelAsync();
        _ = work.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        throw new RecordTimeoutException(timeout);
    }
}

/// <summary>A stage worked on one record longer than <c>limits.record_timeout</c> allows.</summary>
public sealed class RecordTimeoutException(TimeSpan limit)
    : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"took longer than limits.record_timeout ({limit.TotalSeconds:0.###} s); abandoned"))
{
    public TimeSpan Limit { get; } = limit;
}
