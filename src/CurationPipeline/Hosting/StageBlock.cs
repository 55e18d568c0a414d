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
                var outcome = await body(input, runToken);
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
}
